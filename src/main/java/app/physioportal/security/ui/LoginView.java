package app.physioportal.security.ui;

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
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import app.physioportal.security.CurrentUser;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Physio Portal")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final CurrentUser currentUser;
    private final LoginForm login = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(CurrentUser currentUser) {
        this.currentUser = currentUser;
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

        Paragraph help = new Paragraph("Forgotten your password? Call the clinic and we will reset it for you.");
        help.addClassName("login-help");

        Div card = new Div(brand, tagline, notice, login, help);
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

    private static boolean lastFailureWasLockout() {
        VaadinSession session = VaadinSession.getCurrent();
        Object last = session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return last instanceof LockedException;
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
        if (failed && lastFailureWasLockout()) {
            login.setI18n(texts("Sign-in paused for this email", "After 5 failed attempts we pause sign-in for "
                    + "15 minutes to keep your records safe. Please wait, or call the clinic."));
        }
        if (parameters.containsKey("logout")) {
            notice.setText("You have signed out. See you tomorrow.");
            notice.setVisible(true);
        }
    }
}
