package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.base.InvalidInput;
import app.physioportal.security.LinkFixtures.Person;
import app.physioportal.security.PasswordResets.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * "Forgot your password?" through a reset link's whole life, on the real database with a clock the test moves: the
 * same answer for every address, the link used once within 30 minutes, refused when reused, expired or replaced,
 * every session ended and the account told; and the limits per client address and per account.
 */
@PortalTest
class PasswordResetLinksTest {

    static final Instant TUESDAY_NIGHT = Instant.parse("2026-12-08T02:10:00Z");
    static final String NEW_PASSWORD = "violet harbour kettle 77";

    @Autowired
    PasswordResets resets;

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

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static String address() {
        return "203.0." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private Instant sessionsValidFrom(long accountId) {
        LocalDateTime stored = jdbc.queryForObject("select sessions_valid_from from account where id = ?",
                LocalDateTime.class, accountId);
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }

    @Test
    void the_answer_is_the_same_for_an_account_and_an_unknown_address_and_only_the_account_gets_a_link() {
        Person person = fixtures.person();
        String nobody = LinkFixtures.newEmail("nobody");
        String from = address();
        int unknownBefore = fixtures.audits("PASSWORD_RESET_REQUESTED", "from " + from + ": no such account%");

        assertThat(resets.request(person.email(), from)).isEqualTo(Answer.SENT_IF_KNOWN);
        assertThat(resets.request(" " + nobody.toUpperCase() + " ", from)).isEqualTo(Answer.SENT_IF_KNOWN);

        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.emailsTo(person.email(), "PASSWORD_RESET") == 1);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                fixtures.audits("PASSWORD_RESET_REQUESTED", "from " + from + ": no such account%") == unknownBefore + 1);
        assertThat(ids.auditCount(nobody, "PASSWORD_RESET_REQUESTED")).as("audited under the address typed").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_email where recipient = ?", Integer.class, nobody))
                .isZero();
        assertThat(resets.preview(fixtures.token(person.email(), "reset-password")).state()).isEqualTo(LinkState.READY);
    }

    @Test
    void a_reset_link_works_once_within_30_minutes_ends_every_session_and_the_account_is_told() {
        clock.pin(TUESDAY_NIGHT);
        Person person = fixtures.person();
        resets.decide(person.email(), address());
        String token = fixtures.token(person.email(), "reset-password");

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(resets.preview(token).state()).isEqualTo(LinkState.READY);
        assertThatThrownBy(() -> resets.reset(token, "Password1234")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("too common");
        assertThat(resets.preview(token).state()).as("a refused password leaves the link unused")
                .isEqualTo(LinkState.READY);

        LinkPreview done = resets.reset(token, NEW_PASSWORD);

        assertThat(done.state()).isEqualTo(LinkState.DONE);
        assertThat(done.email()).isEqualTo(person.email());
        assertThat(encoder.matches(NEW_PASSWORD, fixtures.passwordHash(person.id()))).isTrue();
        assertThat(sessionsValidFrom(person.id())).as("every session signed in before now ends")
                .isEqualTo(TUESDAY_NIGHT.plus(Duration.ofMinutes(30)).minusSeconds(1));
        assertThat(ids.auditCount(person.email(), "PASSWORD_RESET_WITH_LINK")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_email where recipient = ? and kind = "
                + "'SECURITY_NOTICE' and subject = 'Your password was reset'", Integer.class, person.email()))
                .isEqualTo(1);

        assertThat(resets.reset(token, "second harbour kettle 78").state()).isEqualTo(LinkState.USED);
        assertThat(encoder.matches(NEW_PASSWORD, fixtures.passwordHash(person.id()))).as("unchanged").isTrue();
        assertThat(fixtures.audits("ACCOUNT_LINK_REFUSED", "password reset link % used")).isPositive();
    }

    @Test
    void a_reset_link_expires_after_30_minutes_and_changes_nothing_then() {
        clock.pin(TUESDAY_NIGHT);
        Person person = fixtures.person();
        resets.decide(person.email(), address());
        String token = fixtures.token(person.email(), "reset-password");
        String hash = fixtures.passwordHash(person.id());

        clock.advance(Duration.ofMinutes(30));

        assertThat(resets.preview(token).state()).isEqualTo(LinkState.EXPIRED);
        assertThat(resets.reset(token, NEW_PASSWORD).state()).isEqualTo(LinkState.EXPIRED);
        assertThat(fixtures.passwordHash(person.id())).isEqualTo(hash);
        assertThat(sessionsValidFrom(person.id())).isNull();
        assertThat(ids.auditCount(person.email(), "ACCOUNT_LINK_REFUSED")).isEqualTo(1);
    }

    @Test
    void a_newer_link_replaces_the_older_one_and_a_password_change_revokes_both() {
        Person person = fixtures.person();
        resets.decide(person.email(), address());
        String first = fixtures.token(person.email(), "reset-password");
        resets.decide(person.email(), address());
        String second = fixtures.token(person.email(), "reset-password");

        assertThat(resets.preview(first).state()).isEqualTo(LinkState.REVOKED);
        assertThat(resets.preview(second).state()).isEqualTo(LinkState.READY);

        fixtures.as(person.email(), () -> accounts.changeOwnPassword(Demo.FIXTURE_PASSWORD, "indigo walrus teapot 9"));

        assertThat(resets.reset(second, NEW_PASSWORD).state()).isEqualTo(LinkState.REVOKED);
        assertThat(encoder.matches("indigo walrus teapot 9", fixtures.passwordHash(person.id()))).isTrue();
    }

    @Test
    void at_most_three_links_an_hour_go_to_one_account_and_the_rest_is_audited_not_sent() {
        clock.pin(TUESDAY_NIGHT);
        Person person = fixtures.person();
        for (int i = 0; i < 4; i++) {
            resets.decide(person.email(), address());
        }
        assertThat(fixtures.emailsTo(person.email(), "PASSWORD_RESET")).isEqualTo(3);
        assertThat(ids.auditCount(person.email(), "PASSWORD_RESET_THROTTLED")).isEqualTo(1);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        resets.decide(person.email(), address());
        assertThat(fixtures.emailsTo(person.email(), "PASSWORD_RESET")).isEqualTo(4);
    }

    @Test
    void one_client_address_may_ask_ten_times_in_15_minutes_whatever_it_types_and_is_audited_once() {
        clock.pin(TUESDAY_NIGHT);
        String from = address();
        for (int i = 0; i < 10; i++) {
            assertThat(resets.request(LinkFixtures.newEmail("guess" + i), from)).isEqualTo(Answer.SENT_IF_KNOWN);
        }
        assertThat(resets.request(LinkFixtures.newEmail("guess"), from)).isEqualTo(Answer.TOO_MANY_FROM_ADDRESS);
        assertThat(resets.request(Demo.PATIENT1, from)).as("an account's address gets the same answer")
                .isEqualTo(Answer.TOO_MANY_FROM_ADDRESS);
        assertThat(ids.auditCount("ip:" + from, "PASSWORD_RESET_THROTTLED")).isEqualTo(1);
        assertThat(resets.request(LinkFixtures.newEmail("elsewhere"), address())).as("another address")
                .isEqualTo(Answer.SENT_IF_KNOWN);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(resets.request(LinkFixtures.newEmail("later"), from)).isEqualTo(Answer.SENT_IF_KNOWN);
    }

    @Test
    void a_disabled_account_gets_no_link_and_disabling_revokes_an_outstanding_one() {
        Person person = fixtures.person();
        resets.decide(person.email(), address());
        String token = fixtures.token(person.email(), "reset-password");

        fixtures.as(Demo.ADMIN, () -> accounts.setEnabled(person.id(), false));
        resets.decide(person.email(), address());

        assertThat(resets.reset(token, NEW_PASSWORD).state()).isEqualTo(LinkState.REVOKED);
        assertThat(fixtures.emailsTo(person.email(), "PASSWORD_RESET")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = "
                + "'PASSWORD_RESET_REQUESTED' and detail like '%account disabled, nothing sent'", Integer.class,
                person.email())).isEqualTo(1);
    }

    @Test
    void the_clinic_sends_a_patient_a_reset_link_and_never_sees_a_password() {
        Person person = fixtures.person();
        fixtures.as(Demo.ADMIN, () -> assertThat(resets.sendLink(person.id())).isAfter(Instant.now()));

        assertThat(ids.auditCountForPatient(Demo.ADMIN, "PASSWORD_RESET_REQUESTED", person.id())).isEqualTo(1);
        assertThat(resets.reset(fixtures.token(person.email(), "reset-password"), NEW_PASSWORD).state())
                .isEqualTo(LinkState.DONE);
    }

    @Test
    void two_uses_of_one_link_at_the_same_moment_set_one_password() throws Exception {
        Person person = fixtures.person();
        resets.decide(person.email(), address());
        String token = fixtures.token(person.email(), "reset-password");

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<LinkState>> uses = List.of(() -> resets.reset(token, NEW_PASSWORD).state(),
                    () -> resets.reset(token, "second harbour kettle 78").state());
            List<LinkState> outcomes = new ArrayList<>();
            for (Future<LinkState> outcome : two.invokeAll(uses)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(LinkState.DONE, LinkState.USED);
        } finally {
            two.shutdown();
        }
        assertThat(ids.auditCount(person.email(), "PASSWORD_RESET_WITH_LINK")).isEqualTo(1);
    }
}
