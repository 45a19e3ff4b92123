package app.physioportal.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking, for services and views alike. Works inside Vaadin requests and plain HTTP requests. */
@Component
public class CurrentUser {

    public Optional<PortalUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public PortalUser require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }
}
