package app.physioportal.security.ui;

import app.physioportal.security.CurrentUser;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Inside the app, someone who gave the password but owes the second factor reaches only the second-factor page
 * (page loads are sent there by SecondFactorGate before Vaadin sees them).
 */
@Component
class SecondFactorGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    SecondFactorGuard(CurrentUser currentUser) {
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
        }
    }
}
