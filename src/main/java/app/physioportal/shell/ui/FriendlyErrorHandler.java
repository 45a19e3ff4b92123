package app.physioportal.shell.ui;

import app.physioportal.base.DatabaseAway;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Errors during a click or an edit: a plain message for the person, the stack trace only in the log. A save that could
 * not reach the database says so and that what was typed is still there: the views leave their forms as they were
 * when a save fails, so Save again is all it takes (and saves once: DiaryService's save keys).
 */
@Component
class FriendlyErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = rootOf(event.getThrowable());
        String message;
        String id = "error-notice";
        if (DatabaseAway.causedBy(event.getThrowable())) {
            // Not the portal's fault and nothing to look up: no reference, no stack trace, and the form stays as it is.
            DatabaseAway.seen();
            message = DatabaseAway.SAVE_MESSAGE;
            id = "database-away";
            log.warn("The database is not reachable: {}", cause.toString());
        } else if (cause instanceof AccessDeniedException) {
            message = "You don't have access to that. The attempt has been recorded.";
            log.info("Access denied: {}", cause.getMessage());
        } else {
            message = "Something went wrong and nothing was saved. Please try again. If it keeps happening, "
                    + "tell the clinic this reference: " + ErrorReference.logged(event.getThrowable());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            String notificationId = id;
            ui.access(() -> {
                Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                notification.setId(notificationId);
            });
        }
    }

    private static Throwable rootOf(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }
}
