package app.physioportal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The portal's clock in tests: the real time, until a test pins it to a moment of its choosing and moves it
 * (reminders on the night the clocks change, tokens that expire at noon). Every bean that asks for a Clock gets this
 * one. A test that pins it releases it afterwards, so the next test sees real time again.
 */
@Component
@Primary
public class TestClock extends Clock {

    private volatile Instant pinned;

    public void pin(Instant at) {
        pinned = at;
    }

    public void advance(Duration by) {
        if (pinned == null) {
            throw new IllegalStateException("pin the clock first");
        }
        pinned = pinned.plus(by);
    }

    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
