package app.physioportal.plan.ui;

import app.physioportal.base.ui.ComingSoon;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;

/** The patient's home: what to do today and tonight. */
@Route("today")
@PageTitle("Today · Physio Portal")
@Menu(title = "Today", order = 0, icon = "vaadin:sun-o")
@RolesAllowed(Role.PATIENT_ROLE)
public class TodayView extends Main {

    public TodayView(CurrentUser currentUser, Clock clock, @Value("${app.clinic.time-zone}") ZoneId clinicZone) {
        addClassName("page");
        setId("today-view");
        String firstName = currentUser.require().displayName().split(" ")[0];
        add(new ViewHeader(greeting(ZonedDateTime.now(clock.withZone(clinicZone)).getHour()) + ", " + firstName,
                "Your stretching and strengthening plan for tonight and today."));
        add(new ComingSoon("Your exercise plan",
                "Your physio's plan for you, with tonight's stretches and a one-tap tick when you have done them, "
                        + "appears here when the exercise-plan feature is released."));
        add(new ComingSoon("Cramp diary",
                "Logging a cramp in a few taps, and telling us when a night was cramp-free, arrives with the cramp diary."));
    }

    static String greeting(int hour) {
        if (hour >= 5 && hour < 12) {
            return "Good morning";
        }
        if (hour >= 12 && hour < 18) {
            return "Good afternoon";
        }
        return "Good evening";
    }
}
