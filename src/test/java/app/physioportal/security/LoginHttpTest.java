package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in through the real filter chain, as the browser's login form does it. */
@PortalTest
class LoginHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoIds ids;

    @Autowired
    AccountService accounts;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    JdbcTemplate jdbc;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String email, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void each_demo_role_signs_in_and_is_sent_home() throws Exception {
        for (String email : new String[] {Demo.PATIENT1, Demo.PHYSIO1, Demo.ADMIN}) {
            cookies.getCookieStore().removeAll();
            int before = ids.auditCount(email, "LOGIN_SUCCESS");

            var response = signIn(email, Demo.PASSWORD);

            assertThat(response.statusCode()).as(email).isEqualTo(302);
            assertThat(location(response)).as(email).endsWith(":" + port + "/");
            assertThat(ids.auditCount(email, "LOGIN_SUCCESS")).as(email).isEqualTo(before + 1);
        }
    }

    @Test
    void the_session_id_changes_at_sign_in() throws Exception {
        get("/login");
        String anonymousSession = sessionId();
        assertThat(anonymousSession).isNotNull();

        signIn(Demo.PATIENT2, Demo.PASSWORD);

        assertThat(sessionId()).isNotNull().isNotEqualTo(anonymousSession);
    }

    @Test
    void a_wrong_password_is_refused_and_audited() throws Exception {
        int before = ids.auditCount(Demo.PHYSIO2, "LOGIN_FAILURE");

        var response = signIn(Demo.PHYSIO2, "not-the-password");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
        assertThat(ids.auditCount(Demo.PHYSIO2, "LOGIN_FAILURE")).isEqualTo(before + 1);
        assertThat(signIn("nobody@example.org", "whatever-it-is").headers().firstValue("Location").orElse(""))
                .as("an unknown email is refused the same way").endsWith("/login?error");
    }

    private HttpResponse<String> signInWith(String email, String password, String header, String value) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused_and_audited_even_with_the_right_password() throws Exception {
        int before = ids.auditCount("ip:127.0.0.1", "LOGIN_CROSS_SITE_REFUSED");

        var fromEvil = signInWith(Demo.PATIENT2, Demo.PASSWORD, "Origin", "https://evil.example");
        assertThat(fromEvil.statusCode()).isEqualTo(403);
        assertThat(get("/today").statusCode()).as("not signed in").isEqualTo(302);
        var crossSite = signInWith(Demo.PATIENT2, Demo.PASSWORD, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(get("/today").statusCode()).as("still not signed in").isEqualTo(302);
        assertThat(ids.auditCount("ip:127.0.0.1", "LOGIN_CROSS_SITE_REFUSED")).isEqualTo(before + 2);

        var ownPage = signInWith(Demo.PATIENT2, Demo.PASSWORD, "Origin", "http://localhost:" + port);
        assertThat(ownPage.statusCode()).isEqualTo(302);
        assertThat(location(ownPage)).doesNotContain("error");
        assertThat(get("/today").statusCode()).as("signed in from the portal's own page").isEqualTo(200);
    }

    @Test
    void the_browsers_word_on_where_a_sign_in_comes_from_decides() {
        assertThat(LoginOriginFilter.refusal("same-origin", "http://portal.example", "portal.example")).isNull();
        assertThat(LoginOriginFilter.refusal("same-site", null, "portal.example")).isNotNull();
        assertThat(LoginOriginFilter.refusal("none", null, "portal.example")).isNotNull();
        assertThat(LoginOriginFilter.refusal(null, "https://portal.example", "portal.example")).as("behind a TLS proxy")
                .isNull();
        assertThat(LoginOriginFilter.refusal(null, "http://portal.example:8080", "portal.example:8080")).isNull();
        assertThat(LoginOriginFilter.refusal(null, "http://portal.example.evil.example", "portal.example")).isNotNull();
        assertThat(LoginOriginFilter.refusal(null, "null", "portal.example")).isNotNull();
        assertThat(LoginOriginFilter.refusal(null, null, "portal.example")).as("not a browser's form").isNull();
    }

    @Test
    void a_signed_in_person_who_mistypes_an_address_gets_the_portals_not_found_page() throws Exception {
        signIn(Demo.PATIENT1, Demo.PASSWORD);
        var response = get("/diray");
        // Vaadin answers with its page, which then shows NotFoundView in the frame (ErrorPagesTest), never a bare
        // 403 that the browser would show as its own error page.
        assertThat(response.statusCode()).isIn(200, 404);
        assertThat(response.body()).contains("window.Vaadin");
    }

    @Test
    void anonymous_requests_for_any_page_go_to_login() throws Exception {
        for (String path : new String[] {"/", "/today", "/caseload", "/admin/accounts", "/actuator/env", "/diray"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(location(response)).as(path).endsWith("/login");
        }
    }

    private HttpResponse<String> signInFrom(String address, String email, String password) throws Exception {
        return signInWith(email, password, "X-Forwarded-For", address);
    }

    @Test
    void wrong_passwords_make_that_address_wait_while_the_person_elsewhere_still_signs_in() throws Exception {
        String email = "lock.me." + System.nanoTime() + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createPatientLogin(
                new AccountService.NewAccount("Lock Me", email, Role.PATIENT, "a-long-enough-password")));
        String attacker = "203.0.113.7";
        for (int i = 0; i < 5; i++) {
            assertThat(location(signInFrom(attacker, email, "wrong-password-" + i))).endsWith("/login?error");
        }
        assertThat(ids.auditCount(email, "LOGIN_FAILURE")).isEqualTo(5);
        assertThat(ids.auditCount(email, "ACCOUNT_LOCKED")).as("the fifth failure starts a wait").isEqualTo(1);

        assertThat(location(signInFrom(attacker, email, "a-long-enough-password")))
                .as("while it waits, that address is refused even the right password").endsWith("/login?error");
        assertThat(ids.auditCount(email, "LOGIN_LOCKED")).isEqualTo(1);

        cookies.getCookieStore().removeAll();
        var person = signInFrom("198.51.100.23", email, "a-long-enough-password");
        assertThat(location(person)).as("the real person at home is not locked out").doesNotContain("error");
        assertThat(ids.auditCount(email, "LOGIN_SUCCESS")).isEqualTo(1);
    }

    @Test
    void an_unknown_email_waits_the_same_way_so_the_wait_reveals_no_account() throws Exception {
        String email = "nobody." + System.nanoTime() + "@example.org";
        for (int i = 0; i < 6; i++) {
            signInFrom("203.0.113.8", email, "guess-" + i);
        }
        assertThat(ids.auditCount(email, "ACCOUNT_LOCKED")).isEqualTo(1);
        assertThat(ids.auditCount(email, "LOGIN_LOCKED")).isEqualTo(1);
    }

    @Test
    void a_staff_members_one_time_password_works_for_72_hours_only() throws Exception {
        String email = "one.time." + System.nanoTime() + "@example.org";
        String[] oneTime = new String[1];
        systemTasks.runAs("test", Role.ADMIN, () -> oneTime[0] = accounts.createWithOneTimePassword(
                new AccountService.AccountForm("One Time", email, Role.PHYSIO, null, null)).password());
        LocalDateTime until = jdbc.queryForObject("select one_time_password_until from account where email = ?",
                LocalDateTime.class, email);
        assertThat(Duration.between(LocalDateTime.now(ZoneOffset.UTC), until).toHours()).isBetween(71L, 72L);

        jdbc.update("update account set one_time_password_until = ? where email = ?",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1), email);
        assertThat(location(signIn(email, oneTime[0]))).as("expired").endsWith("/login?error");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = 'LOGIN_FAILURE' "
                + "and detail like 'CredentialsExpiredException%'", Integer.class, email)).isEqualTo(1);

        jdbc.update("update account set one_time_password_until = ? where email = ?",
                LocalDateTime.now(ZoneOffset.UTC).plusHours(1), email);
        assertThat(location(signIn(email, oneTime[0]))).as("still valid").doesNotContain("error");
    }

    @Test
    void a_disabled_account_cannot_sign_in() throws Exception {
        String email = "disabled." + System.nanoTime() + "@example.org";
        systemTasks.runAsAccount(Demo.ADMIN, () -> {
            long id = accounts.createStaff(
                    new AccountService.NewAccount("Gone Away", email, Role.PHYSIO, "a-long-enough-password"));
            accounts.setEnabled(id, false);
        });
        assertThat(location(signIn(email, "a-long-enough-password"))).endsWith("/login?error");
    }

    @Test
    void the_login_page_carries_the_security_headers() throws Exception {
        var response = get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Permissions-Policy")).get().asString().contains("camera=()");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void health_answers_without_sign_in_and_reveals_no_details() throws Exception {
        var response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("db").doesNotContain("diskSpace");
    }
}
