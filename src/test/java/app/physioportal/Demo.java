package app.physioportal;

import app.physioportal.security.Totp;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import java.util.HashMap;
import java.util.Map;

/** The demo clinic's logins (docs/PRODUCT.md section 5), as tests refer to them. */
public final class Demo {

    public static final String PASSWORD = "stretch-and-rest-2026";
    /**
     * The password of accounts tests create themselves. Not the demo one: the policy refuses a published password to
     * everyone but the demo data.
     */
    public static final String FIXTURE_PASSWORD = "fixture-harbour-lantern-42";
    public static final String ADMIN = "admin@example.org";
    /** Peter Ellis, Margaret's husband: her helper, "view and record". */
    public static final String HELPER = "helper1@example.org";
    public static final String PHYSIO1 = "physio1@example.org";
    public static final String PHYSIO2 = "physio2@example.org";
    public static final String PATIENT1 = "patient1@example.org";
    public static final String PATIENT2 = "patient2@example.org";
    public static final String PATIENT4 = "patient4@example.org";
    public static final String PATIENT3 = "patient3@example.org";
    public static final String PATIENT5 = "patient5@example.org";
    public static final String PATIENT6 = "patient6@example.org";

    /** The demo staff's authenticator key (README, Demo logins). */
    public static final String AUTHENTICATOR_KEY = "PHYSIOPORTALDEMOSTAFFSECRETCODES";

    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private Demo() {
    }

    /**
     * The code a demo staff member's authenticator app shows, never one this test run already gave for that email
     * (the portal accepts each code once): the current step's, else the next one's, else it waits for the clock.
     */
    public static synchronized String code(String email) {
        long step = Math.max(step(), LAST_STEP.getOrDefault(email, Long.MIN_VALUE) + 1);
        // The portal accepts the step after the current one too: wait only until this step is within its window.
        Awaitility.await().atMost(Duration.ofSeconds(65)).pollInterval(Duration.ofMillis(200))
                .until(() -> step <= step() + 1);
        LAST_STEP.put(email, step);
        return Totp.code(AUTHENTICATOR_KEY, step);
    }

    private static long step() {
        return Instant.now().getEpochSecond() / 30;
    }
}
