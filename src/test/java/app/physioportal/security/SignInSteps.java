package app.physioportal.security;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** For view tests: the state of a sign-in at each step, as the filter chain would leave it for this thread. */
@Component
public class SignInSteps {

    private final PortalUserDetailsService users;

    SignInSteps(PortalUserDetailsService users) {
        this.users = users;
    }

    /** The right password was given; the second factor is owed. */
    public void passwordGiven(String email) {
        request();
        SecurityContextHolder.getContext().setAuthentication(new PasswordOnlyAuthentication(user(email)));
    }

    /** Fully signed in. */
    public void signedIn(String email) {
        request();
        PortalUser user = user(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public boolean fullySignedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && !(authentication instanceof PasswordOnlyAuthentication)
                && authentication.getPrincipal() instanceof PortalUser;
    }

    public void forget() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    private PortalUser user(String email) {
        return (PortalUser) users.loadUserByUsername(email);
    }

    private static void request() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
    }
}
