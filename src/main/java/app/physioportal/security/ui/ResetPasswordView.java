package app.physioportal.security.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.security.LinkPreview;
import app.physioportal.security.LinkState;
import app.physioportal.security.PasswordResets;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where a password reset link leads: a new password, which signs the account out on every device; then the person
 * signs in with it on the sign-in page.
 */
@Route(value = "reset-password", autoLayout = false)
@PageTitle("Choose a new password · Physio Portal")
@AnonymousAllowed
public class ResetPasswordView extends LinkPage {

    private final PasswordResets resets;

    public ResetPasswordView(PasswordResets resets) {
        super("reset-password-view");
        this.resets = resets;
    }

    @Override
    LinkPreview preview(String token) {
        return resets.preview(token);
    }

    @Override
    void showReady(LinkPreview preview) {
        start("Choose a new password");
        NewPasswordFields password = new NewPasswordFields();
        Button save = new Button("Set my new password");
        save.setId("save-new-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClickListener(e -> password.value().ifPresent(chosen -> {
            try {
                LinkPreview outcome = resets.reset(token(), chosen);
                if (outcome.state() == LinkState.DONE) {
                    UI.getCurrent().navigate("login", QueryParameters.of("reset", ""));
                } else {
                    show(outcome);
                }
            } catch (InvalidInput refused) {
                password.show(refused);
            }
        }));
        addToCard(text("reset-text", "For " + preview.email() + ". Your new password signs you out on every device "
                + "where you are signed in."), password, save);
    }

    @Override
    Refusal refusal(LinkPreview preview) {
        return switch (preview.state()) {
            case USED -> new Refusal("This reset link was used already: each link works once. Sign in with your new "
                    + "password, or ask for another link.", "forgot-password", "Ask for a new link");
            case EXPIRED -> new Refusal("This reset link has expired: reset links work for 30 minutes. Ask for a "
                    + "new one.", "forgot-password", "Ask for a new link");
            case REVOKED -> new Refusal("This reset link no longer works: a newer one was sent, or the password was "
                    + "changed meanwhile. Use the newest email, or ask for a new link.", "forgot-password",
                    "Ask for a new link");
            default -> new Refusal(NOT_VALID, "forgot-password", "Ask for a new link");
        };
    }
}
