package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.InvalidInput;
import app.physioportal.caseload.CaseloadService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.SecondFactorService.Outcome;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The second factor: staff give an authenticator code after the password, and nothing opens before it; each code
 * works once; recovery codes work once; five wrong codes end the sign-in; the admin's reset is audited and emailed.
 */
@PortalTest
class SecondFactorTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    app.physioportal.mail.Outboxes outboxes;

    /** Emails earlier tests queued with no mail server listening must not arrive in this test's inbox. */
    @BeforeEach
    void onlyThisTestsEmails() throws Exception {
        outboxes.clear();
        // A stale email in flight when the server started has arrived by now (clear waits for the sender).
        greenMail.purgeEmailFromAllMailboxes();
    }

    @LocalServerPort
    int port;

    @Autowired
    SecondFactorService factors;

    @Autowired
    Passkeys passkeys;

    @Autowired
    AccountService accounts;

    @Autowired
    CaseloadService caseload;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    PortalUserDetailsService users;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    private MockHttpSession session;

    @AfterEach
    void forget() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    private String newPhysio() {
        String email = "factor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        systemTasks.runAs("factor-test", Role.ADMIN, () -> accounts.createStaff(
                new NewAccount("Factor Physio", email, Role.PHYSIO, "a-long-enough-password")));
        return email;
    }

    /** As right after the right password: this request's session owes the second factor. */
    private void passwordGiven(String email) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.99");
        session = new MockHttpSession();
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        PortalUser user = (PortalUser) users.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(new PasswordOnlyAuthentication(user));
    }

    private List<String> roles() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    /** Enrols the physio during a sign-in; returns the secret their "app" holds and their recovery codes. */
    private String enrol(String email, List<String> recovery) {
        passwordGiven(email);
        assertThat(factors.owesEnrolment()).isTrue();
        var offer = factors.offer();
        recovery.addAll(factors.enrol(offer, Totp.codeAt(offer.secret(), Instant.now())));
        return offer.secret();
    }

    @Test
    void staff_owe_a_code_after_the_password_and_nothing_opens_before_it() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + URLEncoder.encode(Demo.PHYSIO1, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Demo.PASSWORD, StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        for (String page : new String[] {"/caseload", "/patients/6", "/account", "/admin/accounts", "/"}) {
            var response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(page).endsWith("/second-factor");
        }
        for (String open : new String[] {"/second-factor", "/styles.css"}) {
            var response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + open)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(open + ", which the second-factor page needs").isEqualTo(200);
        }

        passwordGiven(Demo.PHYSIO1);
        assertThat(currentUser.get()).as("not signed in yet").isEmpty();
        assertThat(roles()).doesNotContain("ROLE_PHYSIO");
        assertThatThrownBy(() -> caseload.myCaseload()).as("services refuse it too")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void enrolment_then_a_right_code_signs_in_with_a_new_session_id_and_no_code_works_twice() {
        String email = newPhysio();
        List<String> recovery = new java.util.ArrayList<>();
        String secret = enrol(email, recovery);
        assertThat(recovery).hasSize(SecondFactorService.RECOVERY_CODES).doesNotHaveDuplicates();
        assertThat(roles()).as("enrolling finishes the sign-in").containsExactly("ROLE_PHYSIO");
        assertThat(ids.auditCount(email, "SECOND_FACTOR_ENROLLED")).isEqualTo(1);

        long step = Totp.stepOf(Instant.now());
        String enrolmentCode = Totp.code(secret, step);
        passwordGiven(email);
        String before = session.getId();
        assertThat(factors.answer(enrolmentCode)).as("the code used to enrol is spent").isEqualTo(Outcome.WRONG);
        assertThat(roles()).doesNotContain("ROLE_PHYSIO");

        assertThat(factors.answer(Totp.code(secret, step + 1))).isEqualTo(Outcome.SIGNED_IN);
        assertThat(roles()).containsExactly("ROLE_PHYSIO");
        assertThat(currentUser.get()).isPresent();
        assertThat(session.getId()).as("a new session id once the second factor is given").isNotEqualTo(before);

        passwordGiven(email);
        assertThat(factors.answer(Totp.code(secret, step + 1))).as("replayed").isEqualTo(Outcome.WRONG);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = "
                + "'SECOND_FACTOR_FAILED' and detail = 'code already used'", Integer.class, email)).isEqualTo(2);
    }

    @Test
    void a_recovery_code_signs_in_once_and_is_audited() {
        String email = newPhysio();
        List<String> recovery = new java.util.ArrayList<>();
        enrol(email, recovery);

        passwordGiven(email);
        assertThat(factors.answer(recovery.getFirst().toUpperCase())).isEqualTo(Outcome.SIGNED_IN);
        passwordGiven(email);
        assertThat(factors.answer(recovery.getFirst())).isEqualTo(Outcome.WRONG);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = "
                + "'SECOND_FACTOR_PASSED' and detail like 'recovery code, 9 left'", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void five_wrong_codes_end_the_sign_in_and_count_towards_the_wait() {
        String email = newPhysio();
        enrol(email, new java.util.ArrayList<>());
        passwordGiven(email);
        for (int i = 0; i < 4; i++) {
            assertThat(factors.answer("00000" + i)).isEqualTo(Outcome.WRONG);
        }
        assertThat(factors.answer("<b>bad</b>")).isEqualTo(Outcome.TOO_MANY);
        assertThat(session.isInvalid()).isTrue();
        assertThat(ids.auditCount(email, "SECOND_FACTOR_FAILED")).isEqualTo(5);
        assertThat(ids.auditCount(email, "SESSION_ENDED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_failure where email = ? and address = ?",
                Integer.class, email, "192.0.2.99")).isEqualTo(5);
    }

    @Test
    void a_wrong_enrolment_code_stores_nothing() {
        String email = newPhysio();
        passwordGiven(email);
        var offer = factors.offer();
        assertThatThrownBy(() -> factors.enrol(offer, "12345x")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("code");
        assertThat(factors.owesEnrolment()).isTrue();
        assertThat(roles()).doesNotContain("ROLE_PHYSIO");
        assertThat(ids.auditCount(email, "SECOND_FACTOR_FAILED")).isEqualTo(1);
    }

    @Test
    void the_admin_resets_a_lost_factor_which_is_audited_and_emailed_and_ends_the_sessions() throws Exception {
        String email = newPhysio();
        enrol(email, new java.util.ArrayList<>());
        outboxes.drain();
        greenMail.purgeEmailFromAllMailboxes();
        forget();
        long id = ids.idOf(email);

        systemTasks.runAsAccount(Demo.ADMIN, () -> factors.reset(id));

        assertThat(factors.enrolled(id)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select sessions_valid_from from account where id = ?", java.sql.Timestamp.class,
                id)).isNotNull();
        assertThat(ids.auditCount(Demo.ADMIN, "SECOND_FACTOR_RESET")).isPositive();
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage notice = greenMail.getReceivedMessages()[0];
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(notice.getSubject()).isEqualTo("Two-step sign-in reset by the clinic");
        assertThatThrownBy(() -> systemTasks.runAsAccount(email, () -> factors.reset(id)))
                .as("only the admin resets").isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_password_change_is_emailed_without_the_password() throws Exception {
        String email = "notice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        systemTasks.runAs("factor-test", Role.ADMIN, () -> accounts.createPatientLogin(
                new NewAccount("Notice Person", email, Role.PATIENT, "a-long-enough-password")));
        systemTasks.runAsAccount(email, () -> accounts.changeOwnPassword("a-long-enough-password",
                "violet harbour lantern 42"));
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage notice = java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(notice.getSubject()).isEqualTo("Your password was changed");
        // Text and HTML: the greeting by first name, never the password.
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(notice)).contains("Hello Notice,")
                .contains("text/html").doesNotContain("violet harbour");
    }

    @Test
    void a_malformed_passkey_answer_changes_nothing_and_is_audited() {
        String email = newPhysio();
        passwordGiven(email);
        var registration = passkeys.startRegistration();
        assertThat(registration.json()).contains("\"challenge\"").contains("\"rp\"");
        assertThatThrownBy(() -> passkeys.finishRegistration(registration, "{\"id\": \"forged\", \"response\": {}}",
                "Mine")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> passkeys.finishRegistration(registration, "not json at all", "Mine"))
                .isInstanceOf(InvalidInput.class);
        assertThat(passkeys.count()).isZero();
        assertThat(factors.owesEnrolment()).as("nothing saved").isTrue();
        assertThat(roles()).doesNotContain("ROLE_PHYSIO");

        enrol(email, new java.util.ArrayList<>());
        passwordGiven(email);
        var check = passkeys.startCheck();
        assertThat(passkeys.finishSignIn(check, "{\"id\": \"AAAA\", \"type\": \"public-key\"}"))
                .isEqualTo(Outcome.WRONG);
        assertThat(roles()).doesNotContain("ROLE_PHYSIO");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = "
                + "'SECOND_FACTOR_FAILED' and detail like 'passkey%'", Integer.class, email)).isEqualTo(3);
    }

    @Test
    void a_signed_in_person_replaces_their_factor_only_after_proving_the_current_one() {
        String email = newPhysio();
        String secret = enrol(email, new java.util.ArrayList<>());
        var offer = factors.offer();
        long step = Totp.stepOf(Instant.now());
        assertThatThrownBy(() -> factors.enrol(offer, Totp.codeAt(offer.secret(), Instant.now())))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("current app");
        assertThatThrownBy(() -> passkeys.startRegistration()).as("nor add a passkey")
                .isInstanceOf(InvalidInput.class);

        factors.confirm(Totp.code(secret, step + 1));
        assertThat(factors.enrol(offer, Totp.codeAt(offer.secret(), Instant.now()))).hasSize(10);
    }
}
