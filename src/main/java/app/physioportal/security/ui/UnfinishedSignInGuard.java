package app.physioportal.security.ui;

import app.physioportal.security.AccountService;
import app.physioportal.security.CurrentUser;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Inside the app, a sign-in that is not finished goes where it can be finished: someone who gave the password but
 * owes the second factor reaches only the second-factor page (page loads are sent there by SecondFactorGate before
 * Vaadin sees them); someone signed in with a one-time password goes to their account page until they choose their
 * own.
 */
@Component
class UnfinishedSignInGuard implements VaadinServiceInitListener {

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
        Class<?> target = event.getNavigationTarget();
        if (target != SecondFactorView.class && target != LoginView.class
                && currentUser.owingSecondFactor().isPresent()) {
            event.forwardTo(SecondFactorView.class);
            return;
        }
        if (target == AccountView.class || target == LoginView.class || currentUser.get().isEmpty()) {
            return;
        }
        if (accounts.mustChangePassword()) {
            event.forwardTo(AccountView.class);
        }
    }
}
