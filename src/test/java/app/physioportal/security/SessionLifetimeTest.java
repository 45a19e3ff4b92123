package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.audit.AuditService;
import app.physioportal.security.AccountService.NewAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A sign-in ages out: after the idle time without use (heartbeats of an open tab are not use) and after the
 * absolute lifetime however busy. Aged with a clock this test moves, against the real account table.
 */
@PortalTest
class SessionLifetimeTest {

    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration LIFETIME = Duration.ofHours(1);

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    PortalUserDetailsService users;

    @Autowired
    AccountService accounts;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditService audit;

    @Autowired
    DemoIds ids;

    PortalUser user;
    TestClock clock;
    SessionGuard guard;
    MockHttpSession session;

    @BeforeEach
    void signIn() {
        String email = "lifetime-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        systemTasks.runAs("lifetime-test", Role.ADMIN, () -> accounts.createPatientLogin(
                new NewAccount("Lifetime Person", email, Role.PATIENT, Demo.FIXTURE_PASSWORD)));
        user = (PortalUser) users.loadUserByUsername(email);
        clock = new TestClock(user.signedInAt());
        guard = new SessionGuard(jdbc, audit, clock, IDLE, LIFETIME);
        session = new MockHttpSession();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** One request of this session after {@code later}: a click (UIDL) or an open tab's heartbeat. */
    private boolean stillSignedInAfter(Duration later, boolean heartbeat) throws Exception {
        clock.advance(later);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setSession(session);
        request.setParameter("v-r", heartbeat ? "heartbeat" : "uidl");
        guard.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return !session.isInvalid();
    }

    @Test
    void heartbeats_of_an_open_tab_do_not_keep_an_unused_sign_in_alive() throws Exception {
        assertThat(stillSignedInAfter(Duration.ofMinutes(4), true)).isTrue();
        assertThat(stillSignedInAfter(Duration.ofMinutes(5), true)).isTrue();
        assertThat(stillSignedInAfter(Duration.ofMinutes(2), true)).as("11 minutes without a click").isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(ids.auditCount(user.email(), "SESSION_ENDED")).isOne();
    }

    @Test
    void each_use_restarts_the_idle_time() throws Exception {
        assertThat(stillSignedInAfter(Duration.ofMinutes(9), false)).isTrue();
        assertThat(stillSignedInAfter(Duration.ofMinutes(9), true)).as("9 minutes after the last click").isTrue();
        assertThat(stillSignedInAfter(Duration.ofMinutes(9), false)).as("18 minutes after it").isFalse();
    }

    @Test
    void an_open_conversation_polling_for_messages_does_not_keep_an_unused_sign_in_alive() throws Exception {
        assertThat(stillSignedInAfter(Duration.ofMinutes(2), false)).as("a click").isTrue();
        for (int minute = 1; minute <= 7; minute++) {
            assertThat(poll(Duration.ofMinutes(1))).as("poll %d", minute).isTrue();
        }
        assertThat(poll(Duration.ofMinutes(4))).as("11 minutes after the last click, polling all along").isFalse();
        assertThat(ids.auditCount(user.email(), "SESSION_ENDED")).isOne();
    }

    /** A UIDL request the open page makes by itself, which the page marks as not the person's doing. */
    private boolean poll(Duration later) throws Exception {
        clock.advance(later);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setSession(session);
        request.setParameter("v-r", "uidl");
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            guard.doFilter(request, new MockHttpServletResponse(), (req, res) -> BackgroundRequest.notThePersonsDoing());
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        return !session.isInvalid();
    }

    @Test
    void a_busy_sign_in_still_ends_after_the_absolute_lifetime() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(stillSignedInAfter(Duration.ofMinutes(9), false)).as("click %d", i).isTrue();
        }
        assertThat(stillSignedInAfter(Duration.ofMinutes(7), false)).as("61 minutes after signing in").isFalse();
    }
}
