package app.physioportal.security;

import app.physioportal.base.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Sets the password a person chose through an emailed link (an invitation or a reset): the portal's password policy,
 * then every session of the account ends (the page that set it is not one of them: it was opened signed out), and
 * the waits after wrong passwords for that email are lifted, since its owner has just shown they read its mailbox.
 */
@Component
class LinkPasswords {

    static final String FIELD = "password";

    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final LoginLockout lockout;
    private final Clock clock;

    LinkPasswords(PasswordPolicy policy, PasswordEncoder encoder, LoginLockout lockout, Clock clock) {
        this.policy = policy;
        this.encoder = encoder;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Refuses a password the policy refuses, at the field {@value #FIELD}; otherwise sets it. */
    void set(Account account, String password) {
        policy.problemWith(password, account.getEmail()).ifPresent(problem -> {
            throw new InvalidInput(FIELD, problem);
        });
        Instant now = SessionGuard.micros(clock.instant());
        account.choosePassword(encoder.encode(password), now);
        account.endSessions(now);
        lockout.forget(account.getEmail());
    }
}
