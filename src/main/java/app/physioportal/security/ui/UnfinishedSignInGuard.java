package app.physioportal.security.ui;

import app.physioportal.base.DatabaseAway;
import app.physioportal.security.AccountService;
import app.physioportal.security.CurrentUser;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Inside the app, a sign-in that is not finished goes where it can be finished: someone who gave the password but
 * owes the second factor reaches only the second-factor page (page loads are sent there by SecondFactorGate before
 * Vaadin sees them); someone signed in with a one-time password goes to their account page until they choose their
 * own.
 *
 * <p>The pages are named by their routes, not their classes: Vaadin's production bundle loads with every page the
 * web components of every class reachable from a service-init listener, so a class literal here put the account
 * page's password fields, radio buttons and form layout into every page's first load (issue 23).
 */
@Component
class UnfinishedSignInGuard implements VaadinServiceInitListener {

    static final String SECOND_FACTOR = "second-factor";
    static final String ACCOUNT = "account";
    static final String LOGIN = "login";

    private final AccountService accounts;
    private final CurrentUser currentUser;

    UnfinishedSignInGuard(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        String target = route(event.getNavigationTarget());
        if (!SECOND_FACTOR.equals(target) && !LOGIN.equals(target) && currentUser.owingSecondFactor().isPresent()) {
            event.forwardTo(SECOND_FACTOR);
            return;
        }
        // An error page (no route of its own) shows no records, and may be showing that the database is away: it
        // is not held up by a question to that database.
        if (target == null || ACCOUNT.equals(target) || LOGIN.equals(target) || currentUser.get().isEmpty()) {
            return;
        }
        if (DatabaseAway.recentlySeen()) {
            // The database was found away a moment ago (by this request's session check, or another's) and has not
            // answered since: the page cannot be read, so it says so now instead of waiting for the pool once more.
            throw new DataAccessResourceFailureException("The database was found away a moment ago");
        }
        if (accounts.mustChangePassword()) {
            event.forwardTo(ACCOUNT);
        }
    }

    /** The route a page class declares, or null for a target without one (an error page). */
    private static @Nullable String route(@Nullable Class<?> target) {
        Route route = target == null ? null : target.getAnnotation(Route.class);
        return route == null ? null : route.value();
    }
}
