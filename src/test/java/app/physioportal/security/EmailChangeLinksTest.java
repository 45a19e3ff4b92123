package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.base.InvalidInput;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.EmailChanges.EmailChange;
import app.physioportal.security.LinkFixtures.Person;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A change of sign-in email through its link's whole life, on the real database with a clock the test moves: it needs
 * the current password, is made only from the new address, once, within 24 hours; it ends every session and tells the
 * old address; an address that has an account is never revealed to the asker and never taken.
 */
@PortalTest
class EmailChangeLinksTest {

    static final Instant WEDNESDAY = Instant.parse("2026-12-09T15:30:00Z");

    @Autowired
    EmailChanges changes;

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

    @AfterEach
    void realTime() {
        clock.release();
    }

    private Instant request(Person person, String newEmail, String password) {
        AtomicReference<Instant> until = new AtomicReference<>();
        fixtures.as(person.email(), () -> until.set(changes.request(new EmailChange(newEmail, password))));
        return until.get();
    }

    private String emailOf(long accountId) {
        return jdbc.queryForObject("select email from account where id = ?", String.class, accountId);
    }

    @Test
    void a_change_needs_the_current_password_and_a_valid_new_address() {
        Person person = fixtures.person();
        String newEmail = LinkFixtures.newEmail("moved");

        assertThatThrownBy(() -> request(person, newEmail, "not my password")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("currentPassword");
        assertThatThrownBy(() -> request(person, person.email().toUpperCase(), Demo.FIXTURE_PASSWORD))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("already");
        assertThatThrownBy(() -> request(person, "not an address", Demo.FIXTURE_PASSWORD))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("valid email");
        assertThat(jdbc.queryForObject("select count(*) from account_link where account_id = ?", Integer.class,
                person.id())).isZero();
        assertThat(ids.auditCount(person.email(), "EMAIL_CHANGE_REQUESTED")).as("the wrong password").isEqualTo(1);
    }

    @Test
    void the_link_to_the_new_address_moves_the_account_once_ends_every_session_and_tells_the_old_address() {
        clock.pin(WEDNESDAY);
        Person person = fixtures.person();
        String newEmail = LinkFixtures.newEmail("moved");

        assertThat(request(person, " " + newEmail.toUpperCase() + " ", Demo.FIXTURE_PASSWORD))
                .isEqualTo(WEDNESDAY.plus(Duration.ofHours(24)));
        String token = fixtures.token(newEmail, "confirm-email");
        assertThat(emailOf(person.id())).as("nothing changes before the link is used").isEqualTo(person.email());
        LinkPreview preview = changes.preview(token);
        assertThat(preview.state()).isEqualTo(LinkState.READY);
        assertThat(preview.newEmail()).isEqualTo(newEmail);

        clock.advance(Duration.ofHours(23));
        LinkPreview done = changes.confirm(token);

        assertThat(done.state()).isEqualTo(LinkState.DONE);
        assertThat(emailOf(person.id())).isEqualTo(newEmail);
        assertThat(jdbc.queryForObject("select sessions_valid_from from account where id = ?", java.time.LocalDateTime.class,
                person.id())).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from outbox_email where recipient = ? and kind = "
                + "'SECURITY_NOTICE' and subject = 'Your sign-in email was changed'", Integer.class, person.email()))
                .isEqualTo(1);
        assertThat(ids.auditCount(newEmail, "EMAIL_CHANGED")).isEqualTo(1);

        assertThat(changes.confirm(token).state()).isEqualTo(LinkState.USED);
        assertThat(ids.auditCount(newEmail, "ACCOUNT_LINK_REFUSED")).isEqualTo(1);
    }

    @Test
    void a_confirmation_link_expires_after_24_hours() {
        clock.pin(WEDNESDAY);
        Person person = fixtures.person();
        String newEmail = LinkFixtures.newEmail("late");
        request(person, newEmail, Demo.FIXTURE_PASSWORD);
        String token = fixtures.token(newEmail, "confirm-email");

        clock.advance(Duration.ofHours(24));

        assertThat(changes.confirm(token).state()).isEqualTo(LinkState.EXPIRED);
        assertThat(emailOf(person.id())).isEqualTo(person.email());
    }

    @Test
    void an_address_that_has_an_account_gets_the_same_answer_is_told_at_most_once_a_day_and_is_never_taken() {
        Person person = fixtures.person();
        String taken = fixtures.person().email();

        Instant until = request(person, taken, Demo.FIXTURE_PASSWORD);
        request(person, taken, Demo.FIXTURE_PASSWORD);

        assertThat(until).isAfter(Instant.now());
        assertThat(jdbc.queryForObject("select count(*) from account_link where account_id = ?", Integer.class,
                person.id())).as("no link exists that could take the address").isZero();
        assertThat(fixtures.emailsTo(taken, "EMAIL_CHANGE_TAKEN")).isEqualTo(1);
        assertThat(emailOf(person.id())).isEqualTo(person.email());
    }

    @Test
    void an_address_that_became_another_accounts_meanwhile_is_refused_at_confirmation() {
        Person person = fixtures.person();
        String newEmail = LinkFixtures.newEmail("contested");
        request(person, newEmail, Demo.FIXTURE_PASSWORD);
        String token = fixtures.token(newEmail, "confirm-email");
        fixtures.asAdmin(() -> accounts.createStaff(new NewAccount("Quick Physio", newEmail, Role.PHYSIO,
                Demo.FIXTURE_PASSWORD)));

        assertThat(changes.confirm(token).state()).isEqualTo(LinkState.ADDRESS_TAKEN);
        assertThat(emailOf(person.id())).isEqualTo(person.email());
        assertThat(fixtures.audits("ACCOUNT_LINK_REFUSED", "email change link %: the new address belongs to another "
                + "account")).isPositive();
    }

    @Test
    void at_most_three_confirmation_emails_an_hour_and_only_the_newest_works() {
        clock.pin(WEDNESDAY);
        Person person = fixtures.person();
        String first = LinkFixtures.newEmail("first");
        request(person, first, Demo.FIXTURE_PASSWORD);
        request(person, LinkFixtures.newEmail("second"), Demo.FIXTURE_PASSWORD);
        String third = LinkFixtures.newEmail("third");
        request(person, third, Demo.FIXTURE_PASSWORD);

        assertThatThrownBy(() -> request(person, LinkFixtures.newEmail("fourth"), Demo.FIXTURE_PASSWORD))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("within the hour");
        assertThat(changes.confirm(fixtures.token(first, "confirm-email")).state()).isEqualTo(LinkState.REVOKED);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        request(person, LinkFixtures.newEmail("fifth"), Demo.FIXTURE_PASSWORD);
        assertThat(changes.confirm(fixtures.token(third, "confirm-email")).state()).isEqualTo(LinkState.REVOKED);
    }
}
