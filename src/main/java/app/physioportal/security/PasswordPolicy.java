package app.physioportal.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least 12 characters (a passphrase of several words is the easy way),
 * not one of the commonly breached passwords bundled with the portal (README, Security), and not the email
 * address. The same rules for a password the admin sets at creation, the first admin's and a changed one.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Set<String> common;
    private final SecureRandom random = new SecureRandom();

    PasswordPolicy() {
        // The breached list (gzip) and the portal's own additions (its demo password among them), loaded once.
        // Entries shorter than the minimum length can never be chosen anyway, so only the longer ones are kept.
        try (InputStream breached = new GZIPInputStream(
                new ClassPathResource("security/breached-passwords.txt.gz").getInputStream());
                InputStream own = new ClassPathResource("security/common-passwords.txt").getInputStream()) {
            common = Stream.concat(lines(breached), lines(own))
                    .filter(line -> line.length() >= MIN_LENGTH)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled common-password lists are missing", e);
        }
    }

    private static Stream<String> lines(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.toLowerCase(Locale.ROOT));
    }

    /** How many refused passwords the policy holds (those long enough to be chosen at all). */
    int listSize() {
        return common.size();
    }

    /** Why this password is refused, or empty when it is acceptable. */
    Optional<String> problemWith(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters. A few words make a good passphrase.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || password.chars().distinct().count() <= 2) {
            return Optional.of("This password is too common. Choose something only you would think of.");
        }
        String localPart = email == null ? "" : Account.normaliseEmail(email).split("@")[0];
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            return Optional.of("Don't build your password from your email address");
        }
        return Optional.empty();
    }

    /** A one-time password that is easy to read out over the phone: four groups of four, no look-alike characters. */
    String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return password.toString();
    }
}
