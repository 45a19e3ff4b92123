package app.physioportal.security.ui;

import app.physioportal.security.PasswordResets;
import app.physioportal.security.PasswordResets.Answer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * "Forgot your password?": the email of the account, and a link to choose a new password goes there. The page says
 * the same, at once, whether or not the address belongs to an account; only a network that asked too often is told
 * to wait, whatever it typed.
 */
@Route(value = "forgot-password", autoLayout = false)
@PageTitle("Forgot your password · Physio Portal")
@AnonymousAllowed
public class ForgotPasswordView extends Main {

    private final PasswordResets resets;
    private final Div card = new Div();
    private final EmailField email = new EmailField("Email");
    private final Paragraph answer = new Paragraph();

    public ForgotPasswordView(PasswordResets resets) {
        this.resets = resets;
        addClassName("login-view");
        setId("forgot-password-view");
        card.addClassName("login-card");
        card.addClassName("factor-card");

        H1 brand = new H1("Physio Portal");
        brand.addClassName("login-brand");
        email.setId("forgot-email");
        email.setWidthFull();
        email.setManualValidation(true);
        email.getElement().setAttribute("autocomplete", "username");
        Button send = new Button("Email me a link", e -> send());
        send.setId("send-reset-link");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        answer.setId("forgot-answer");
        answer.addClassName("check-in-text");
        answer.setVisible(false);
        Anchor back = new Anchor("login", "Back to sign in");
        back.setId("back-to-sign-in");
        back.addClassName("check-in-link");

        Div form = new Div(email, send);
        form.addClassName("factor-form");
        card.add(brand, new H2("Forgot your password?"), new Paragraph("Type the email you sign in with. If it "
                + "belongs to an account, we email it a link to choose a new password."), form, answer, new Div(back));
        add(card);
    }

    private void send() {
        String typed = email.getValue() == null ? "" : email.getValue().strip();
        if (typed.isEmpty() || typed.length() > 254 || !typed.matches("[^@\\s]+@[^@\\s]+")) {
            email.setErrorMessage(typed.isEmpty() ? "Enter your email address" : "Enter a valid email address");
            email.setInvalid(true);
            return;
        }
        email.setInvalid(false);
        Answer result = resets.request(typed, clientAddress());
        answer.setVisible(true);
        answer.setText(result == Answer.SENT_IF_KNOWN
                ? "If " + typed + " belongs to an account, a link to choose a new password is on its way. It works "
                        + "once, for 30 minutes. Nothing after a few minutes? Check your spam folder and the address "
                        + "you typed, or call the clinic."
                : "Too many requests from your network. Please wait 15 minutes and try again, or call the clinic.");
    }

    /** The client's address (behind a trusted proxy, the forwarded one), which the per-address limit counts. */
    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
