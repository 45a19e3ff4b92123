package app.physioportal.security.ui;

import app.physioportal.base.ui.DemoBanner;
import app.physioportal.security.SignInPaused;
import org.springframework.beans.factory.annotation.Value;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import app.physioportal.base.DatabaseAway;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.web.WebAttributes;
import app.physioportal.security.CurrentUser;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Physio Portal")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final CurrentUser currentUser;
    private final Clock clock;
    private final LoginForm login = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(CurrentUser currentUser, Clock clock, @Value("${app.demo-data:false}") boolean demo) {
        this.currentUser = currentUser;
        this.clock = clock;
        addClassName("login-view");

        H1 brand = new H1("Physio Portal");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("Your stretching plan, cramp diary and follow-ups, shared with your physio.");
        tagline.addClassName("login-tagline");

        login.setI18n(texts("Email or password not recognised",
                "Check both and try again. Passwords are case-sensitive."));
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        notice.addClassName("login-notice");
        notice.setVisible(false);
        notice.setId("login-notice");

        // An ordinary link rather than the form's own button: it says where it leads and opens like any link.
        Anchor help = new Anchor("forgot-password", "Forgot your password?");
        help.setId("forgot-password-link");
        help.addClassName("login-help");

        Div card = new Div(brand, tagline, notice, login, help);
        if (demo) {
            card.addComponentAtIndex(1, DemoBanner.create());
        }
        card.addClassName("login-card");
        add(card);
    }

    private static LoginI18n texts(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }

    private static @Nullable Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    /** The sign-in page's words for why the last attempt failed, when it was not simply a wrong password. */
    private void explain(@Nullable Object failure) {
        if (failure instanceof SignInPaused paused) {
            long minutes = Math.max(1, (Duration.between(clock.instant(), paused.until()).toSeconds() + 59) / 60);
            login.setI18n(texts("Sign-in paused on this device", "After several wrong passwords for this email, "
                    + "this device waits " + minutes + (minutes == 1 ? " minute" : " minutes") + " before the next "
                    + "try. Your other devices are not affected. Forgotten your password? Use \"Forgot your "
                    + "password?\" below."));
        } else if (failure instanceof Throwable away && DatabaseAway.causedBy(away)) {
            // Not a wrong password: the password could not be checked at all.
            login.setI18n(texts("Sign-in is not possible just now", "The clinic's records are not reachable just "
                    + "now, so your password could not be checked. Nothing is wrong with it: try again in a moment."));
        } else if (failure instanceof CredentialsExpiredException) {
            login.setI18n(texts("That one-time password has expired", "One-time passwords from the clinic work "
                    + "for 72 hours. Call the clinic for a new one."));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean failed = parameters.containsKey("error");
        login.setError(failed);
        if (failed) {
            explain(lastFailure());
        }
        if (parameters.containsKey("codes")) {
            login.setI18n(texts("Signed out after 5 wrong codes", "Sign in again with your password, then type the "
                    + "code your app shows at that moment, or one of your recovery codes."));
            login.setError(true);
        }
        if (parameters.containsKey("logout")) {
            show("You have signed out. See you tomorrow.");
        }
        if (parameters.containsKey("welcome")) {
            show("Your password is set. Sign in with your email address and your new password.");
        }
        if (parameters.containsKey("reset")) {
            show("Your new password is set, and every device was signed out. Sign in with the new password.");
        }
    }

    private void show(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }
}
