package app.physioportal.shell.ui;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A short reference shown to the person and logged with the stack trace, so support can find it. */
final class ErrorReference {

    private static final Logger log = LoggerFactory.getLogger(ErrorReference.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    static String logged(Throwable error) {
        StringBuilder reference = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        log.error("Unexpected error, reference {}", reference, error);
        return reference.toString();
    }
}
