package app.physioportal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.booking.AppointmentType;
import app.physioportal.booking.BookingFixture;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Patient4 (who stopped logging) has no upcoming appointment in the demo clinic; each test leaves it so. */
@PortalTest
class AppointmentsViewTest extends SpringBrowserlessTest {

    @Autowired
    BookingService booking;

    @Autowired
    BookingFixture fixture;

    @Autowired
    DemoIds ids;

    @Autowired
    app.physioportal.clinic.Clinic clinic;

    @AfterEach
    void cancelWhatATestLeftBooked() {
        long patient4 = ids.idOf(Demo.PATIENT4);
        fixture.as(Demo.PHYSIO1, () -> {
            booking.appointments(patient4).stream().filter(a -> a.upcoming(Instant.now()))
                    .forEach(a -> booking.cancel(patient4, a.id()));
            return null;
        });
    }

    private Button firstOpenSlot() {
        return find(Button.class, find(Div.class).id("open-slots")).withClassName("slot-button").first();
    }

    private int upcomingCards() {
        return find(Div.class, find(Div.class).id("upcoming-appointments")).withClassName("appointment-card").all()
                .size();
    }

    @Test
    @WithUserDetails(Demo.PATIENT4)
    void the_days_come_first_and_a_tapped_day_shows_only_its_times() {
        navigate(AppointmentsView.class);
        Div chips = find(Div.class).id("slot-day-chips");
        java.util.List<Button> days = find(Button.class, chips).withClassName("slot-day-chip").all();
        assertThat(days).hasSizeGreaterThan(1);
        assertThat(days.getFirst().getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(days.getFirst().getElement().getAttribute("aria-label")).matches(".+, \\d+ open times?");
        String firstDaysSlot = firstOpenSlot().getId().orElseThrow();

        Button later = days.get(1);
        test(later).click();

        assertThat(later.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(days.getFirst().getElement().getAttribute("aria-pressed")).isEqualTo("false");
        java.time.LocalDate day = java.time.LocalDate.parse(later.getId().orElseThrow().substring("slot-day-".length()));
        var times = find(Button.class, find(Div.class).id("slot-times")).withClassName("slot-button").all();
        assertThat(times).isNotEmpty().allSatisfy(time -> assertThat(Instant.ofEpochSecond(Long.parseLong(
                time.getId().orElseThrow().substring("slot-".length()))).atZone(clinic.zone()).toLocalDate())
                .isEqualTo(day));
        assertThat(find(Button.class).withId(firstDaysSlot).all()).as("the first day's times are gone").isEmpty();
    }

    @Test
    @WithUserDetails(Demo.PATIENT4)
    void a_patient_books_the_next_free_slot_with_one_confirm_then_cancels_it() {
        navigate(AppointmentsView.class);
        assertThat(find(Span.class).id("next-appointment-when").getText()).isEqualTo("No appointment booked.");
        int before = upcomingCards();

        Button slot = firstOpenSlot();
        String slotId = slot.getId().orElseThrow();
        test(slot).click();
        assertThat(find(Span.class).id("booking-confirm-text").getText()).startsWith("Book ");
        test(find(Button.class).id("confirm-booking")).click();

        assertThat(upcomingCards()).isEqualTo(before + 1);
        assertThat(find(Span.class).id("next-appointment-when").getText()).contains(slot.getText());
        assertThat(find(Button.class).withId(slotId).all()).as("the booked time is no longer offered").isEmpty();

        Button cancel = find(Button.class).all().stream()
                .filter(b -> b.getId().orElse("").startsWith("cancel-") && !b.getId().get().equals("cancel-choice"))
                .findFirst().orElseThrow();
        String appointmentId = cancel.getId().get().substring("cancel-".length());
        test(cancel).click();
        test(find(Button.class).id("confirm-cancel-" + appointmentId)).click();

        assertThat(upcomingCards()).isEqualTo(before);
        assertThat(find(Span.class).id("next-appointment-when").getText()).isEqualTo("No appointment booked.");
        assertThat(find(Button.class).withId(slotId).all()).as("the cancelled time is free again").hasSize(1);
    }

    @Test
    @WithUserDetails(Demo.PATIENT4)
    void a_time_taken_meanwhile_is_refused_with_a_clear_message_and_fresh_slots() {
        navigate(AppointmentsView.class);
        Button slot = firstOpenSlot();
        String slotId = slot.getId().orElseThrow();
        test(slot).click();
        long patient4 = ids.idOf(Demo.PATIENT4);
        Instant start = Instant.ofEpochSecond(Long.parseLong(slotId.substring("slot-".length())));
        AppointmentSummary byPhysio = fixture.as(Demo.PHYSIO1,
                () -> booking.book(patient4, start, AppointmentType.IN_CLINIC, "booked at the desk"));
        try {
            int before = upcomingCards();
            test(find(Button.class).id("confirm-booking")).click();

            assertThat(test(find(Notification.class).last()).getText()).startsWith("That time was just taken");
            assertThat(find(Button.class).withId(slotId).all()).isEmpty();
            assertThat(upcomingCards()).as("only the desk's booking, shown after the refresh").isEqualTo(before + 1);
        } finally {
            fixture.as(Demo.PHYSIO1, () -> booking.cancel(patient4, byPhysio.id()));
        }
    }
}
