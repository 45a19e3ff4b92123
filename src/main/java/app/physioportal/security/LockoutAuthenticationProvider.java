package app.physioportal.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Checks the lock before the password, so a locked email is refused whatever password is tried. */
class LockoutAuthenticationProvider extends DaoAuthenticationProvider {

    static final String LOCKED_MESSAGE = "Too many failed sign-ins";

    private final LoginLockout lockout;

    LockoutAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder, LoginLockout lockout) {
        super(users);
        setPasswordEncoder(encoder);
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (lockout.lockedUntil(authentication.getName()).isPresent()) {
            throw new LockedException(LOCKED_MESSAGE);
        }
        return super.authenticate(authentication);
    }
}
