package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.mail.Outboxes;
import app.physioportal.security.AccountService.NewAccount;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sessions that really end: a disabled account, a password reset by emailed link and the owner's own password change
 * end the account's other sessions at their next request, through the real filter chain and browser sessions.
 */
@PortalTest
class SessionEndTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @Autowired
    PasswordResets resets;

    @Autowired
    Outboxes outboxes;

    /** A browser of its own: its own cookie jar, so its own session. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        Browser signIn(String email, String password) throws Exception {
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
            assertThat(signedIn()).isTrue();
            return this;
        }

        boolean signedIn() throws Exception {
            var response = get("/caseload");
            return response.statusCode() == 200;
        }
    }

    /** A sign-in with the password alone (staff also give a code, which SecondFactorTest covers). */
    private String newPerson() {
        String email = "session-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        systemTasks.runAs("session-test", Role.ADMIN, () -> accounts.createPatientLogin(
                new NewAccount("Session Person", email, Role.PATIENT, Demo.FIXTURE_PASSWORD)));
        return email;
    }

    @Test
    void disabling_an_account_ends_its_sessions_at_their_next_request_and_says_so_in_the_audit_trail() throws Exception {
        String email = newPerson();
        Browser phone = new Browser().signIn(email, Demo.FIXTURE_PASSWORD);
        Browser desk = new Browser().signIn(email, Demo.FIXTURE_PASSWORD);
        int before = ids.auditCount(email, "SESSION_ENDED");

        systemTasks.runAsAccount(Demo.ADMIN, () -> accounts.setEnabled(ids.idOf(email), false));

        assertThat(phone.signedIn()).isFalse();
        assertThat(desk.signedIn()).isFalse();
        assertThat(phone.get("/caseload").headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(ids.auditCount(email, "SESSION_ENDED")).isEqualTo(before + 2);
    }

    @Test
    void a_password_reset_by_link_ends_every_session_of_the_account_and_the_new_password_signs_in() throws Exception {
        String email = newPerson();
        Browser phone = new Browser().signIn(email, Demo.FIXTURE_PASSWORD);
        Browser desk = new Browser().signIn(email, Demo.FIXTURE_PASSWORD);
        int before = ids.auditCount(email, "SESSION_ENDED");

        long id = ids.idOf(email);
        systemTasks.runAsAccount(Demo.ADMIN, () -> resets.sendLink(id));
        assertThat(phone.signedIn()).as("a link sent changes nothing yet").isTrue();
        resets.reset(outboxes.linkToken(email, "reset-password"), "amber kettle lantern 42");

        assertThat(phone.signedIn()).isFalse();
        assertThat(desk.signedIn()).isFalse();
        assertThat(ids.auditCount(email, "SESSION_ENDED")).isEqualTo(before + 2);
        new Browser().signIn(email, "amber kettle lantern 42");
    }

    @Test
    void changing_your_own_password_ends_your_other_sessions_and_keeps_the_one_you_changed_it_in() throws Exception {
        String email = newPerson();
        Browser other = new Browser().signIn(email, Demo.FIXTURE_PASSWORD);

        // The change is made in a session of its own: that session is marked as renewed, the others end.
        MockHttpSession changing = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(changing);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            systemTasks.runAsAccount(email, () -> accounts.changeOwnPassword(Demo.FIXTURE_PASSWORD, "violet harbour lantern 42"));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(other.signedIn()).as("the other session").isFalse();
        assertThat(changing.getAttribute(SessionGuard.RENEWED_AT)).as("the changing session is kept").isNotNull();
        assertThat(new Browser().signIn(email, "violet harbour lantern 42").signedIn()).isTrue();
    }

    @Test
    void sessions_of_other_accounts_are_untouched() throws Exception {
        String email = newPerson();
        Browser patient1 = new Browser().signIn(Demo.PATIENT1, Demo.PASSWORD);

        systemTasks.runAsAccount(Demo.ADMIN, () -> accounts.setEnabled(ids.idOf(email), false));

        assertThat(patient1.signedIn()).isTrue();
    }
}
