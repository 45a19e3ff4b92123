package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.today.ui.TodayView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class LoginViewTest extends SpringBrowserlessTest {

    private void navigateWithQuery(String parameter) {
        UI.getCurrent().navigate("login", QueryParameters.of(parameter, ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithAnonymousUser
    void shows_a_form_that_posts_to_spring_security_without_an_error() {
        navigate(LoginView.class);
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat(form.isForgotPasswordButtonVisible()).isFalse();
        assertThat(find(Paragraph.class).withId("login-notice").exists()).as("no sign-out notice").isFalse();
    }

    @Test
    @WithAnonymousUser
    void a_refused_sign_in_shows_the_error() {
        navigateWithQuery("error");
        assertThat(find(LoginForm.class).single().isError()).isTrue();
    }

    @Test
    @WithAnonymousUser
    void a_sign_in_refused_because_the_database_is_away_says_so_rather_than_wrong_password() {
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession().setAttribute(
                org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION,
                new org.springframework.security.authentication.InternalAuthenticationServiceException("lookup failed",
                        new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        navigateWithQuery("error");
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        // The texts travel to the browser as the element's i18n property.
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n"))).contains("Sign-in is not possible just now")
                .contains("not reachable").contains("Nothing is wrong with it");
    }

    @Test
    @WithAnonymousUser
    void signing_out_is_confirmed() {
        navigateWithQuery("logout");
        Paragraph notice = find(Paragraph.class).id("login-notice");
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("signed out");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void someone_already_signed_in_is_sent_home() {
        navigate("login", TodayView.class);
    }

    @Test
    @WithAnonymousUser
    void forgot_your_password_leads_to_its_own_page_which_anyone_may_open() {
        navigate(LoginView.class);
        Anchor forgot = find(Anchor.class).id("forgot-password-link");
        assertThat(forgot.getText()).isEqualTo("Forgot your password?");
        assertThat(forgot.getHref()).isEqualTo("forgot-password");
        navigate(ForgotPasswordView.class);
    }

    @Test
    @WithAnonymousUser
    void a_password_chosen_through_an_invitation_or_a_reset_is_confirmed_before_signing_in() {
        navigateWithQuery("welcome");
        assertThat(find(Paragraph.class).id("login-notice").getText()).startsWith("Your password is set");
        navigateWithQuery("reset");
        assertThat(find(Paragraph.class).id("login-notice").getText()).contains("every device was signed out");
    }

    @Test
    @WithAnonymousUser
    void a_sign_in_ended_by_wrong_codes_is_explained() {
        navigateWithQuery("codes");
        assertThat(find(LoginForm.class).single().isError()).isTrue();
    }
}
