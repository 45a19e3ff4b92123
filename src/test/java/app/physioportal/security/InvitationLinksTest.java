package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.base.InvalidInput;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService.AccountForm;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.LinkFixtures.Invited;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A patient's invitation through its whole life, on the real database with a clock the test moves: issued (stored
 * as a hash), used once, refused when reused, expired, revoked, replaced or altered; and an invited account that no
 * password signs in to until the invitation is used.
 */
@PortalTest
class InvitationLinksTest {

    static final Instant MONDAY_NINE = Instant.parse("2026-12-07T09:00:00Z");
    static final String CHOSEN = "copper meadow lantern 42";

    @Autowired
    Invitations invitations;

    @Autowired
    PasswordResets resets;

    @Autowired
    PatientService patients;

    @Autowired
    AccountService accounts;

    @Autowired
    LinkFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoIds ids;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private Map<String, Object> linkRow(long accountId) {
        return jdbc.queryForMap("select token_hash, expires_at, used_at, revoked_at from account_link where account_id = ?"
                + " and purpose = 'INVITATION' order by id desc limit 1", accountId);
    }

    @Test
    void an_invitation_is_issued_for_72_hours_and_only_the_hash_of_its_token_is_kept() {
        clock.pin(MONDAY_NINE);
        Invited invited = fixtures.invite("Ivy Newcome");

        assertThat(invited.invitation().expiresAt()).isEqualTo(MONDAY_NINE.plus(Duration.ofHours(72)));
        Map<String, Object> row = linkRow(invited.id());
        assertThat(row.get("token_hash")).isEqualTo(AccountLinks.hash(invited.token()));
        assertThat(jdbc.queryForObject("select count(*) from account_link where token_hash = ?", Integer.class,
                invited.token())).as("the token itself is stored nowhere").isZero();
        assertThat(jdbc.queryForObject("select invitation_pending from account where id = ?", Boolean.class,
                invited.id())).isTrue();
        assertThat(ids.auditCountForPatient("system:test", "INVITATION_SENT", invited.id())).isEqualTo(1);

        LinkPreview preview = invitations.preview(invited.token());
        assertThat(preview.state()).isEqualTo(LinkState.READY);
        assertThat(preview.firstName()).isEqualTo("Ivy");
        assertThat(preview.email()).isEqualTo(invited.email());
    }

    @Test
    void the_invited_person_chooses_a_password_once_and_a_second_use_is_refused_and_audited() {
        Invited invited = fixtures.invite("Una Once");

        assertThatThrownBy(() -> invitations.accept(invited.token(), "short")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("12 characters").extracting(e -> ((InvalidInput) e).field()).isEqualTo("password");
        assertThat(invitations.preview(invited.token()).state()).as("a refused password leaves the link unused")
                .isEqualTo(LinkState.READY);

        assertThat(invitations.accept(invited.token(), CHOSEN).state()).isEqualTo(LinkState.DONE);
        String hash = fixtures.passwordHash(invited.id());
        assertThat(encoder.matches(CHOSEN, hash)).isTrue();
        assertThat(jdbc.queryForObject("select invitation_pending from account where id = ?", Boolean.class,
                invited.id())).isFalse();
        assertThat(linkRow(invited.id()).get("used_at")).isNotNull();
        assertThat(ids.auditCount(invited.email(), "INVITATION_ACCEPTED")).isEqualTo(1);

        LinkPreview again = invitations.accept(invited.token(), "another meadow lantern 43");
        assertThat(again.state()).isEqualTo(LinkState.USED);
        assertThat(fixtures.passwordHash(invited.id())).as("nothing changed").isEqualTo(hash);
        assertThat(ids.auditCount(invited.email(), "ACCOUNT_LINK_REFUSED")).isEqualTo(1);
        assertThat(invitations.preview(invited.token()).state()).isEqualTo(LinkState.USED);
    }

    @Test
    void an_invitation_works_until_72_hours_have_passed_and_not_after() {
        clock.pin(MONDAY_NINE);
        Invited invited = fixtures.invite("Tim Late");
        String hash = fixtures.passwordHash(invited.id());

        clock.advance(Duration.ofHours(72).minusSeconds(1));
        assertThat(invitations.preview(invited.token()).state()).isEqualTo(LinkState.READY);
        clock.advance(Duration.ofSeconds(1));
        assertThat(invitations.preview(invited.token()).state()).isEqualTo(LinkState.EXPIRED);

        assertThat(invitations.accept(invited.token(), CHOSEN).state()).isEqualTo(LinkState.EXPIRED);
        assertThat(fixtures.passwordHash(invited.id())).isEqualTo(hash);
        assertThat(fixtures.audits("ACCOUNT_LINK_REFUSED", "invitation % expired")).isPositive();
        fixtures.asAdmin(() -> assertThat(invitations.status(invited.id()).state()).isEqualTo(LinkState.EXPIRED));
    }

    @Test
    void the_admin_revokes_and_resends_and_only_the_newest_link_works() {
        Invited invited = fixtures.invite("Rhea Sent");

        fixtures.asAdmin(() -> {
            var first = invitations.resend(invited.id());
            assertThat(first.email()).isEqualTo(invited.email());
        });
        String second = fixtures.token(invited.email(), "welcome");
        assertThat(second).isNotEqualTo(invited.token());
        assertThat(invitations.preview(invited.token()).state()).as("replaced").isEqualTo(LinkState.REVOKED);
        assertThat(invitations.preview(second).state()).isEqualTo(LinkState.READY);

        fixtures.asAdmin(() -> {
            assertThat(invitations.revoke(invited.id())).isTrue();
            assertThat(invitations.revoke(invited.id())).as("nothing left to revoke").isFalse();
            assertThat(invitations.status(invited.id()).state()).isEqualTo(LinkState.REVOKED);
        });
        assertThat(invitations.accept(second, CHOSEN).state()).isEqualTo(LinkState.REVOKED);
        assertThat(ids.auditCountForPatient("system:test", "INVITATION_REVOKED", invited.id())).isEqualTo(1);

        fixtures.asAdmin(() -> invitations.resend(invited.id()));
        assertThat(invitations.accept(fixtures.token(invited.email(), "welcome"), CHOSEN).state())
                .isEqualTo(LinkState.DONE);
        fixtures.asAdmin(() -> {
            assertThat(invitations.status(invited.id()).pending()).isFalse();
            assertThatThrownBy(() -> invitations.resend(invited.id())).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("has chosen a password already");
        });
    }

    @Test
    void an_altered_made_up_or_misdirected_link_is_refused_audited_and_changes_nothing() {
        Invited invited = fixtures.invite("Alt Ered");
        String token = invited.token();
        String altered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        int before = fixtures.audits("ACCOUNT_LINK_REFUSED", "invitation: unknown or altered");

        for (String bad : new String[] {altered, "", "nonsense", token + "x", token.toUpperCase()}) {
            assertThat(invitations.preview(bad).state()).as(bad).isEqualTo(LinkState.UNKNOWN);
            assertThat(invitations.accept(bad, CHOSEN)).as(bad).isEqualTo(LinkPreview.unknown());
        }
        assertThat(fixtures.audits("ACCOUNT_LINK_REFUSED", "invitation: unknown or altered")).isEqualTo(before + 5);

        Invited other = fixtures.invite("Other Purpose");
        assertThat(resets.reset(other.token(), CHOSEN).state()).as("an invitation is no reset link")
                .isEqualTo(LinkState.UNKNOWN);
        assertThat(invitations.preview(token).state()).as("the real link still works").isEqualTo(LinkState.READY);
        assertThat(jdbc.queryForObject("select invitation_pending from account where id = ?", Boolean.class,
                invited.id())).isTrue();
    }

    @Test
    void an_invitation_to_an_address_that_has_an_account_is_refused_clearly_audited_and_changes_nothing() {
        int accountsBefore = jdbc.queryForObject("select count(*) from account", Integer.class);
        int invitationsBefore = fixtures.emailsTo(Demo.PATIENT1, "INVITATION");
        int refusedBefore = ids.auditCount("system:test", "INVITATION_REFUSED");

        fixtures.asAdmin(() -> assertThatThrownBy(() -> patients.invite(new AccountForm("Margaret Again",
                " Patient1@Example.org ", Role.PATIENT, ids.idOf(Demo.PHYSIO1), null)))
                .isInstanceOf(AccountService.DuplicateEmailException.class)
                .hasMessageContaining("already exists").hasMessageContaining("nothing was sent")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("email"));

        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(accountsBefore);
        assertThat(fixtures.emailsTo(Demo.PATIENT1, "INVITATION")).isEqualTo(invitationsBefore);
        assertThat(ids.auditCount("system:test", "INVITATION_REFUSED")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void no_password_signs_in_to_an_invited_account_until_the_invitation_is_used() throws Exception {
        Invited invited = fixtures.invite("Nora Notyet");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (String guess : new String[] {Demo.PASSWORD, Demo.FIXTURE_PASSWORD, invited.email(), CHOSEN}) {
            assertThat(signIn(browser, invited.email(), guess)).as(guess).endsWith("/login?error");
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = 'LOGIN_FAILURE'"
                + " and detail like 'BadCredentialsException%'", Integer.class, invited.email()))
                .as("refused exactly as a wrong password is").isEqualTo(4);

        invitations.accept(invited.token(), CHOSEN);

        assertThat(signIn(browser, invited.email(), CHOSEN)).doesNotContain("error");
    }

    private String signIn(HttpClient browser, String email, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location").orElse("");
    }

    @Test
    void disabling_an_invited_account_revokes_its_invitation() {
        Invited invited = fixtures.invite("Dee Sabled");
        fixtures.as(Demo.ADMIN, () -> accounts.setEnabled(invited.id(), false));

        assertThat(invitations.preview(invited.token()).state()).isEqualTo(LinkState.REVOKED);
        assertThat(invitations.accept(invited.token(), CHOSEN).state()).isEqualTo(LinkState.REVOKED);
        fixtures.as(Demo.ADMIN, () -> assertThatThrownBy(() -> invitations.resend(invited.id()))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("disabled"));
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_person_at_the_clinic_never_sets_a_patients_password() {
        assertThatThrownBy(() -> patients.createPatient(new NewAccount("Set By Admin", LinkFixtures.newEmail("set"),
                Role.PATIENT, Demo.FIXTURE_PASSWORD), ids.idOf(Demo.PHYSIO1), null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.resetPassword(ids.idOf(Demo.PATIENT1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reset link");
    }
}
