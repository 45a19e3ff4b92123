package app.physioportal.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** This email must wait before its next sign-in attempt from this address; the sign-in page says until when. */
public class SignInPaused extends LockedException {

    private final Instant until;

    SignInPaused(Instant until) {
        super("Too many wrong passwords from this address");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
