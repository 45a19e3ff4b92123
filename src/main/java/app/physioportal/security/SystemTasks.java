package app.physioportal.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs start-up work (first admin, demo data) through the same guarded services a person uses, so it
 * is authorised and audited like everything else: either as a named system actor with a role, or as
 * a real account (the demo seeder writes a patient's diary as that patient).
 */
@Component
public class SystemTasks {

    private static final ThreadLocal<Boolean> SEEDING = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<String> UNSEEN = new ThreadLocal<>();

    private final SecurityContextHolderStrategy contexts;
    private final PortalUserDetailsService users;

    SystemTasks(ObjectProvider<SecurityContextHolderStrategy> strategy, PortalUserDetailsService users) {
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.users = users;
    }

    public void runAs(String actor, Role role, Runnable task) {
        runWith(UsernamePasswordAuthenticationToken.authenticated(
                "system:" + actor, null, List.of(new SimpleGrantedAuthority(role.authority()))), task);
    }

    public void runAsAccount(String email, Runnable task) {
        PortalUser user = (PortalUser) users.loadUserByUsername(email);
        runWith(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), task);
    }

    /**
     * Computes something for this account that no person reads record by record (the Monday digest's counts): access
     * checks apply as for the account, but the records read are not logged as opened by that person, since they were
     * not; the caller audits what it did instead, once.
     */
    public void runUnseenAs(String email, String purpose, Runnable task) {
        String was = UNSEEN.get();
        UNSEEN.set(purpose);
        try {
            runAsAccount(email, task);
        } finally {
            if (was == null) {
                UNSEEN.remove();
            } else {
                UNSEEN.set(was);
            }
        }
    }

    /** Whether the current work reads records for a count or digest rather than for a person to look at. */
    static boolean unseen() {
        return UNSEEN.get() != null;
    }

    /** Writes history (demo data) rather than serving a person: side effects such as emails stay quiet. */
    public static void seeding(Runnable task) {
        boolean was = SEEDING.get();
        SEEDING.set(true);
        try {
            task.run();
        } finally {
            SEEDING.set(was);
        }
    }

    public static boolean isSeeding() {
        return SEEDING.get();
    }

    private void runWith(Authentication authentication, Runnable task) {
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        try {
            task.run();
        } finally {
            contexts.setContext(previous);
        }
    }
}
