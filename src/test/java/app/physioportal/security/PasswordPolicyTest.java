package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One password policy: 12+ characters, not a breached or published one, not built from the email. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void common_breached_and_published_passwords_are_refused() {
        for (String common : new String[] {"qwertyuiop123", "password1234", "1qaz2wsx3edc", "QWERTY123456",
                "stretch-and-rest-2026"}) {
            assertThat(policy.problemWith(common, "someone@example.org")).as(common).hasValueSatisfying(
                    problem -> assertThat(problem).contains("too common"));
        }
        assertThat(policy.listSize()).as("the breached list's passwords long enough to be chosen").isGreaterThan(300);
    }

    @Test
    void a_passphrase_of_ones_own_is_accepted_and_short_or_email_based_ones_are_not() {
        assertThat(policy.problemWith("violet harbour lantern 42", "someone@example.org")).isEmpty();
        assertThat(policy.problemWith("short", "someone@example.org")).hasValueSatisfying(
                problem -> assertThat(problem).contains("12 characters"));
        assertThat(policy.problemWith("margaret.ellis2026", "margaret.ellis@example.org")).isPresent();
    }
}
