package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleFilterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void an_address_over_the_limit_is_throttled_until_the_window_passes_and_audited_once() {
        AuditService audit = mock(AuditService.class);
        ManualClock clock = new ManualClock();
        LoginThrottleFilter filter = new LoginThrottleFilter(audit, clock, 3);

        assertThat(filter.allow("10.0.0.1")).isTrue();
        assertThat(filter.allow("10.0.0.1")).isTrue();
        assertThat(filter.allow("10.0.0.1")).isTrue();
        assertThat(filter.allow("10.0.0.1")).isFalse();
        assertThat(filter.allow("10.0.0.1")).isFalse();
        assertThat(filter.allow("10.0.0.2")).as("another address is unaffected").isTrue();

        clock.now = clock.now.plus(LoginThrottleFilter.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(filter.allow("10.0.0.1")).isTrue();
        verify(audit, times(1)).recordAs(eq("ip:10.0.0.1"), eq(AuditAction.LOGIN_THROTTLED), any(), any());
    }
}
