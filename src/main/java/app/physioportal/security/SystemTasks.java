package app.physioportal.security;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (first admin, demo data) through the same guarded services a person uses,
 * as a named system actor, so it is authorised and audited like everything else.
 */
public final class SystemTasks {

    private SystemTasks() {
    }

    public static void runAs(String actor, Role role, Runnable task) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system:" + actor, null, List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            task.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
