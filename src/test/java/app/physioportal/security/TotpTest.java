package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The codes every authenticator app makes: the test vectors of RFC 6238 (SHA-1) and RFC 4648 (Base32). */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void the_rfc_6238_vectors_come_out() {
        assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(2000000000)), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
    }

    @Test
    void base32_as_apps_read_it() {
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    }

    @Test
    void a_code_of_the_step_before_or_after_is_accepted_and_nothing_further() {
        String secret = Totp.base32(RFC_SECRET);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.stepOf(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12 34", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "<script>", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void the_address_for_the_qr_code_names_the_portal_and_the_person() {
        assertThat(Totp.uri("ABCD", "priya@example.org", "Physio Portal")).isEqualTo(
                "otpauth://totp/Physio%20Portal:priya%40example.org?secret=ABCD&issuer=Physio%20Portal"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
