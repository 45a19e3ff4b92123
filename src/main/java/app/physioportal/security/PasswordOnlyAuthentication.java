package app.physioportal.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The right password from someone who also needs their second factor. It carries no role: every staff page and
 * every service that asks for a role refuses it, CurrentUser does not count it as signed in, and SecondFactorGate
 * sends each page request to the second-factor page until the code is given or ten minutes have passed.
 */
final class PasswordOnlyAuthentication extends AbstractAuthenticationToken {

    static final String AUTHORITY = "FACTOR_PASSWORD_ONLY";

    private final PortalUser user;

    PasswordOnlyAuthentication(PortalUser user) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PortalUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.email();
    }
}
