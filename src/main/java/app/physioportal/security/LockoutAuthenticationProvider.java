package app.physioportal.security;

import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the wait of this email from this address before the password, so a paused pair is refused whatever
 * password is tried; counts each wrong password for the pair and clears the count when the right one comes.
 */
class LockoutAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginLockout lockout;
    private final SecondFactorService secondFactors;

    LockoutAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder, LoginLockout lockout,
            SecondFactorService secondFactors) {
        super(users);
        setPasswordEncoder(encoder);
        this.lockout = lockout;
        this.secondFactors = secondFactors;
    }

    /** The client's address as the sign-in filter saw it (behind a trusted proxy, the forwarded one). */
    static String addressOf(Authentication authentication) {
        return Optional.ofNullable(authentication.getDetails())
                .filter(WebAuthenticationDetails.class::isInstance).map(WebAuthenticationDetails.class::cast)
                .map(WebAuthenticationDetails::getRemoteAddress).orElse("unknown");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        String address = addressOf(authentication);
        var wait = lockout.waitUntil(email, address);
        if (wait.isPresent()) {
            throw new SignInPaused(wait.get());
        }
        try {
            Authentication result = super.authenticate(authentication);
            lockout.clear(email, address);
            if (result.getPrincipal() instanceof PortalUser user && secondFactors.requiredFor(user)) {
                // The password was right; the roles come with the second factor (SecondFactorService.answer).
                PasswordOnlyAuthentication pending = new PasswordOnlyAuthentication(user);
                pending.setDetails(result.getDetails());
                return pending;
            }
            return result;
        } catch (BadCredentialsException wrong) {
            lockout.recordFailure(email, address);
            throw wrong;
        }
    }
}
