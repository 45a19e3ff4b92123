package app.physioportal.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is asking, for services and views alike. Works inside Vaadin requests and plain HTTP requests. */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy contexts;

    /** Vaadin registers its own strategy bean (the security context lives in the Vaadin session); use it when present. */
    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** The signed-in person; not someone who has given their password but still owes the second factor. */
    public Optional<PortalUser> get() {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && !(authentication instanceof PasswordOnlyAuthentication)
                && authentication.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** Someone who gave the right password and must now give their second factor (or enrol one). */
    public Optional<PortalUser> owingSecondFactor() {
        return contexts.getContext().getAuthentication() instanceof PasswordOnlyAuthentication pending
                ? Optional.of(pending.getPrincipal()) : Optional.empty();
    }

    public PortalUser require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }
}
