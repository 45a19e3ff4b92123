package app.physioportal.security.ui;

import app.physioportal.security.EmailChanges;
import app.physioportal.security.LinkPreview;
import app.physioportal.security.LinkState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where the link sent to a new sign-in address leads. Opening it changes nothing; pressing the button moves the
 * account to the new address and signs it out everywhere. It names only the new address, which the reader owns: if
 * the address was mistyped, a stranger learns nothing of the account.
 */
@Route(value = "confirm-email", autoLayout = false)
@PageTitle("Confirm your new email · Physio Portal")
@AnonymousAllowed
public class ConfirmEmailView extends LinkPage {

    private final EmailChanges changes;

    public ConfirmEmailView(EmailChanges changes) {
        super("confirm-email-view");
        this.changes = changes;
    }

    @Override
    LinkPreview preview(String token) {
        return changes.preview(token);
    }

    @Override
    void showReady(LinkPreview preview) {
        start("Confirm your new sign-in email");
        Button confirm = new Button("Yes, sign in with this address");
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            LinkPreview outcome = changes.confirm(token());
            if (outcome.state() == LinkState.DONE) {
                start("Your sign-in email has changed");
                addToCard(text("email-changed", "From now on you sign in with " + outcome.newEmail() + ". Every "
                        + "device was signed out, and your previous address was told."), link("login", "Sign in"));
            } else {
                show(outcome);
            }
        });
        addToCard(text("confirm-email-text", "Sign in to Physio Portal with " + preview.newEmail() + " from now on? "
                + "Every device signed in to your account will be signed out."), confirm);
    }

    @Override
    Refusal refusal(LinkPreview preview) {
        return switch (preview.state()) {
            case USED -> new Refusal("This link was used already: the change is made. Sign in with your new "
                    + "address.", "login", "Sign in");
            case EXPIRED -> new Refusal("This link has expired: confirmation links work for 24 hours. Sign in and "
                    + "ask again on My account.", "login", "Sign in");
            case REVOKED -> new Refusal("This link no longer works: a newer one was sent, or the account changed "
                    + "meanwhile. Use the newest email, or ask again on My account.", "login", "Sign in");
            case ADDRESS_TAKEN -> new Refusal(preview.newEmail() + " now belongs to another account, so nothing "
                    + "changed. Sign in with your current address.", "login", "Sign in");
            default -> new Refusal(NOT_VALID, "login", "Sign in");
        };
    }
}
