package app.physioportal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.booking.AppointmentStatus;
import app.physioportal.booking.BookingFixture;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.ScheduleService;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.timepicker.TimePicker;
import app.physioportal.patient.AssignedPatient;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class ScheduleViewTest extends SpringBrowserlessTest {

    @Autowired
    BookingService booking;

    @Autowired
    app.physioportal.clinic.Clinic clinic;

    @Autowired
    BookingFixture fixture;

    @Autowired
    DemoIds ids;

    @Autowired
    ScheduleService schedule;

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_week_view_moves_by_week_and_books_a_follow_up_from_a_free_slot() {
        navigate(ScheduleView.class);
        LocalDate monday = LocalDate.now(clinic.zone()).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        assertThat(find(Span.class).id("week-label").getText()).isEqualTo("Week of " + label.format(monday));
        assertThat(find(Div.class, find(Div.class).id("week-days")).withClassName("schedule-day").all()).hasSize(7);

        test(find(Button.class).id("next-week")).click();
        assertThat(find(Span.class).id("week-label").getText()).isEqualTo("Week of " + label.format(monday.plusWeeks(1)));

        // A day's free times show once asked for.
        assertThat(find(Button.class, find(Div.class).id("week-days")).withClassName("slot-button").all()).isEmpty();
        Button showFree = find(Button.class, find(Div.class).id("week-days")).withClassName("free-times-toggle").first();
        assertThat(showFree.getText()).matches("\\d+ free times?: book a follow-up");
        test(showFree).click();
        Button free = find(Button.class, find(Div.class).id("week-days")).withClassName("slot-button").first();
        String freeId = free.getId().orElseThrow();
        test(free).click();
        @SuppressWarnings("unchecked")
        Select<AssignedPatient> patient = find(Select.class).id("follow-up-patient");
        AssignedPatient margaret = patient.getGenericDataView().getItems()
                .filter(p -> p.email().equals(Demo.PATIENT1)).findFirst().orElseThrow();
        patient.setValue(margaret);
        test(find(Button.class).id("book-follow-up")).click();

        assertThat(find(Button.class).withId(freeId).all()).isEmpty();
        Instant start = Instant.ofEpochSecond(Long.parseLong(freeId.substring("free-".length())));
        long patient1 = ids.idOf(Demo.PATIENT1);
        var booked = fixture.as(Demo.PHYSIO1, () -> booking.appointments(patient1)).stream()
                .filter(a -> a.start().equals(start) && a.status() == AppointmentStatus.BOOKED).findFirst().orElseThrow();
        assertThat(find(Div.class).id("visit-" + booked.id()).isVisible()).isTrue();
        fixture.as(Demo.PHYSIO1, () -> booking.cancel(patient1, booked.id()));
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_physio_marks_a_visit_that_has_started_as_attended() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        long visit = fixture.insertAppointment(patient1, Demo.PHYSIO1, Instant.now().minusSeconds(120),
                AppointmentStatus.BOOKED);
        navigate(ScheduleView.class);

        test(find(Button.class).id("attended-" + visit)).click();

        assertThat(fixture.statusOf(visit)).isEqualTo("ATTENDED");
        assertThat(find(Button.class).withId("attended-" + visit).all()).isEmpty();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_working_hours_are_shown() {
        navigate(ScheduleView.class);
        assertThat(find(Span.class, find(Div.class).id("working-hours")).withClassName("working-hours-line").all())
                .extracting(Span::getText).contains("Monday: 09:00–17:00, break 12:30–13:30 · 30-minute slots");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void the_physio_edits_their_working_week_and_a_bad_day_is_refused_at_the_field() {
        var original = schedule.myWorkingHours();
        try {
            navigate(ScheduleView.class);
            test(find(Button.class).id("edit-working-hours")).click();
            test(find(Checkbox.class).id("works-monday")).click();
            find(TimePicker.class).id("start-monday").setValue(java.time.LocalTime.of(14, 0));
            find(TimePicker.class).id("end-monday").setValue(java.time.LocalTime.of(12, 0));
            test(find(Button.class).id("save-working-hours")).click();
            assertThat(find(Span.class).withClassName("field-error").all()).extracting(Span::getText)
                    .contains("The day must end after it starts");
            assertThat(schedule.myWorkingHours()).hasSameSizeAs(original);

            find(TimePicker.class).id("end-monday").setValue(java.time.LocalTime.of(16, 0));
            test(find(Button.class).id("save-working-hours")).click();
            assertThat(schedule.myWorkingHours()).hasSize(original.size() + 1);
            assertThat(find(Span.class).withClassName("working-hours-line").all()).extracting(Span::getText)
                    .contains("Monday: 14:00–16:00 · 30-minute slots");
        } finally {
            schedule.setMyWorkingHours(original);
        }
    }
}
