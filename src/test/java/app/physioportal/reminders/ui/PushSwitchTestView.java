package app.physioportal.reminders.ui;

import app.physioportal.reminders.push.PushSubscriptions;
import app.physioportal.reminders.push.VapidKeys;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * A page of the test classpath only (the production jar has no such route): the {@link PushSwitch} alone, for the
 * real-browser test, until the reminders page carries it.
 */
@Route("test/push")
@PageTitle("Notifications test · Physio Portal")
@RolesAllowed({"PATIENT", "PHYSIO"})
public class PushSwitchTestView extends Main {

    public PushSwitchTestView(PushSubscriptions subscriptions, VapidKeys vapidKeys) {
        setId("push-switch-test-view");
        addClassName("page");
        add(new H2("Notifications"), new PushSwitch(subscriptions, vapidKeys));
    }
}
