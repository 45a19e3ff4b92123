package app.physioportal.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The wrong passwords per email and address, in the database, so every instance behind a load balancer
 * agrees on the wait (LockoutPolicy says how long).
 */
@Component
class LoginLockout {

    private static final int LONGEST_EMAIL = 254;
    private static final int LONGEST_ADDRESS = 64;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LoginLockout(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When this email may next try from this address, if it must wait. */
    Optional<Instant> waitUntil(String email, String address) {
        Instant now = clock.instant();
        List<Instant> failures = jdbc.query("select failed_at from sign_in_failure where email = ? and address = ? "
                        + "and failed_at > ? order by failed_at",
                (rs, row) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                email(email), address(address), utc(LockoutPolicy.lookBackFrom(now)));
        return LockoutPolicy.waitUntil(failures, now);
    }

    void recordFailure(String email, String address) {
        Instant now = clock.instant();
        jdbc.update("insert into sign_in_failure (email, address, failed_at) values (?, ?, ?)", email(email),
                address(address), utc(now));
        // Keeps the table small: what the policy no longer looks at goes.
        jdbc.update("delete from sign_in_failure where failed_at < ?", utc(LockoutPolicy.lookBackFrom(now)));
    }

    /** Every wait of this email, from any address: its owner has just proved they read its mailbox. */
    void forget(String email) {
        jdbc.update("delete from sign_in_failure where email = ?", email(email));
    }

    void clear(String email, String address) {
        jdbc.update("delete from sign_in_failure where email = ? and address = ?", email(email), address(address));
    }

    /** Whatever was typed, it fits the column: an email longer than any account's cannot match one anyway. */
    private static String email(String typed) {
        String email = Account.normaliseEmail(typed);
        return email.length() > LONGEST_EMAIL ? email.substring(0, LONGEST_EMAIL) : email;
    }

    private static String address(String address) {
        return address.length() > LONGEST_ADDRESS ? address.substring(0, LONGEST_ADDRESS) : address;
    }

    /** DATETIME columns hold UTC wall-clock times (hibernate.jdbc.time_zone=UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
