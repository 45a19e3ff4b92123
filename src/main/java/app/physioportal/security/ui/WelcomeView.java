package app.physioportal.security.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.security.Invitations;
import app.physioportal.security.LinkPreview;
import app.physioportal.security.LinkState;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where a new patient's invitation leads: they choose their own password, then sign in with it on the sign-in page.
 * Choosing it signs nobody in, so signing in always goes through the sign-in page (its waits after wrong passwords,
 * and a second factor where the account has one).
 */
@Route(value = "welcome", autoLayout = false)
@PageTitle("Welcome · Physio Portal")
@AnonymousAllowed
public class WelcomeView extends LinkPage {

    private final Invitations invitations;

    public WelcomeView(Invitations invitations) {
        super("welcome-view");
        this.invitations = invitations;
    }

    @Override
    LinkPreview preview(String token) {
        return invitations.preview(token);
    }

    @Override
    void showReady(LinkPreview preview) {
        start("Welcome, " + preview.firstName());
        NewPasswordFields password = new NewPasswordFields();
        Button choose = new Button("Set my password");
        choose.setId("choose-password");
        choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        choose.addClickListener(e -> password.value().ifPresent(chosen -> {
            try {
                LinkPreview outcome = invitations.accept(token(), chosen);
                if (outcome.state() == LinkState.DONE) {
                    UI.getCurrent().navigate("login", QueryParameters.of("welcome", ""));
                } else {
                    show(outcome);
                }
            } catch (InvalidInput refused) {
                password.show(refused);
            }
        }));
        addToCard(text("welcome-text", "Choose a password for your Physio Portal account. You sign in with your "
                + "email address, " + preview.email() + ", and this password."), password, choose);
    }

    @Override
    Refusal refusal(LinkPreview preview) {
        return switch (preview.state()) {
            case USED -> new Refusal("This invitation was used already: your password is chosen. Sign in with it, "
                    + "or use \"Forgot your password?\" on the sign-in page.", "login", "Sign in");
            case EXPIRED -> new Refusal("This invitation has expired: invitations work for 72 hours. Call the clinic "
                    + "and ask them to send you a new one.", "login", "Go to the sign-in page");
            case REVOKED -> new Refusal("This invitation no longer works: the clinic cancelled it or sent you a newer "
                    + "one. Use the newest email, or call the clinic.", "login", "Go to the sign-in page");
            default -> new Refusal(NOT_VALID + " If it still fails, call the clinic.", "login",
                    "Go to the sign-in page");
        };
    }
}
