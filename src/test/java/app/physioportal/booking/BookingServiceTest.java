package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.booking.BookingFixture.TestPatient;
import app.physioportal.booking.BookingService.AppointmentSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@PortalTest
class BookingServiceTest {

    @Autowired
    BookingService booking;

    @Autowired
    app.physioportal.clinic.Clinic clinic;

    @Autowired
    BookingFixture fixture;

    TestPatient patient;

    @BeforeEach
    void newPatient() {
        patient = fixture.newPatient();
    }

    private AppointmentSummary bookAsPatient(Slot slot) {
        return fixture.as(patient.email(), () -> booking.book(patient.id(), slot.start(), AppointmentType.IN_CLINIC, null));
    }

    private List<Instant> openStartsForPatient() {
        return fixture.as(patient.email(), () -> booking.selfBookingSlots(patient.id())).stream()
                .flatMap(d -> d.slots().stream()).map(Slot::start).toList();
    }

    @Test
    void a_patient_books_an_open_slot_of_their_physio_and_it_is_no_longer_open() {
        Slot slot = fixture.openSlot(patient.id(), 3);
        assertThat(openStartsForPatient()).contains(slot.start());

        AppointmentSummary booked = bookAsPatient(slot);

        assertThat(booked.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.start()).isEqualTo(slot.start());
        assertThat(booked.bookedBy()).isEqualTo(patient.email());
        assertThat(openStartsForPatient()).doesNotContain(slot.start());
        assertThat(fixture.as(patient.email(), () -> booking.nextAppointment(patient.id()))).get()
                .extracting(AppointmentSummary::id).isEqualTo(booked.id());
    }

    @Test
    void cancelling_keeps_the_appointment_as_history_and_frees_the_slot() {
        Slot slot = fixture.openSlot(patient.id(), 3);
        AppointmentSummary booked = bookAsPatient(slot);

        AppointmentSummary cancelled = fixture.as(patient.email(), () -> booking.cancel(patient.id(), booked.id()));

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo(patient.email());
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThat(openStartsForPatient()).contains(slot.start());
        assertThat(fixture.as(patient.email(), () -> booking.appointments(patient.id())))
                .extracting(AppointmentSummary::id).contains(booked.id());
        // the freed slot can be booked again: the unique key ignores cancelled rows
        assertThat(bookAsPatient(slot).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void rescheduling_moves_the_same_appointment_and_frees_the_old_time() {
        Slot first = fixture.openSlot(patient.id(), 3);
        AppointmentSummary booked = bookAsPatient(first);
        Slot second = fixture.openSlot(patient.id(), 5);

        AppointmentSummary moved = fixture.as(patient.email(),
                () -> booking.reschedule(patient.id(), booked.id(), second.start()));

        assertThat(moved.id()).isEqualTo(booked.id());
        assertThat(moved.start()).isEqualTo(second.start());
        assertThat(openStartsForPatient()).contains(first.start()).doesNotContain(second.start());
    }

    @Test
    void a_patient_books_online_only_from_the_notice_period_on() {
        Instant earliest = Instant.now().plus(booking.noticePeriod());
        assertThat(openStartsForPatient()).isNotEmpty().allSatisfy(start -> assertThat(start).isAfterOrEqualTo(
                earliest.minusSeconds(60)));
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        assertThatThrownBy(() -> bookAsPatient(new Slot(inAnHour, inAnHour.plus(Duration.ofMinutes(30)))))
                .isInstanceOf(BookingException.class).hasMessageContaining("please call the clinic");
    }

    @Test
    void a_patient_may_hold_at_most_two_future_appointments() {
        bookAsPatient(fixture.openSlot(patient.id(), 3));
        bookAsPatient(fixture.openSlot(patient.id(), 3));
        Slot third = fixture.openSlot(patient.id(), 3);

        assertThatThrownBy(() -> bookAsPatient(third)).isInstanceOf(BookingException.class)
                .hasMessageContaining("already have 2 upcoming appointments");
        // the physio may still book a third follow-up
        assertThat(fixture.as(fixture.physio(),
                () -> booking.book(patient.id(), third.start(), AppointmentType.VIDEO, "extra")).status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void a_patient_cannot_book_beyond_four_weeks_but_the_physio_can() {
        Slot far = fixture.openSlot(patient.id(), 31);
        assertThatThrownBy(() -> bookAsPatient(far)).isInstanceOf(BookingException.class)
                .hasMessageContaining("up to 4 weeks ahead");
        assertThat(openStartsForPatient()).allSatisfy(start ->
                assertThat(start).isBefore(LocalDate.now().plusWeeks(4).plusDays(2).atStartOfDay().toInstant(
                        java.time.ZoneOffset.UTC)));
        assertThat(fixture.as(fixture.physio(),
                () -> booking.book(patient.id(), far.start(), AppointmentType.IN_CLINIC, null)).status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void times_in_the_past_off_the_grid_or_outside_working_hours_are_refused() {
        Slot slot = fixture.openSlot(patient.id(), 3);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        assertThatThrownBy(() -> fixture.as(fixture.physio(),
                () -> booking.book(patient.id(), yesterday, AppointmentType.IN_CLINIC, null)))
                .isInstanceOf(BookingException.class).hasMessageContaining("already passed");
        assertThatThrownBy(() -> fixture.as(fixture.physio(),
                () -> booking.book(patient.id(), slot.start().plusSeconds(600), AppointmentType.IN_CLINIC, null)))
                .isInstanceOf(SlotTakenException.class);
        Instant saturday = LocalDate.now().plusWeeks(1).with(java.time.DayOfWeek.SATURDAY)
                .atTime(10, 0).atZone(clinic.zone()).toInstant();
        assertThatThrownBy(() -> fixture.as(fixture.physio(),
                () -> booking.book(patient.id(), saturday, AppointmentType.IN_CLINIC, null)))
                .isInstanceOf(BookingException.class).hasMessageContaining("does not see patients on that day");
    }

    @Test
    void inside_the_notice_period_the_patient_is_told_to_call_but_the_physio_may_still_cancel() {
        long soon = fixture.insertAppointment(patient.id(), fixture.physio(),
                Instant.now().plus(Duration.ofHours(3)), AppointmentStatus.BOOKED);
        AppointmentSummary listed = fixture.as(patient.email(), () -> booking.appointments(patient.id())).getFirst();
        assertThat(listed.patientMayChange()).isFalse();

        assertThatThrownBy(() -> fixture.as(patient.email(), () -> booking.cancel(patient.id(), soon)))
                .isInstanceOf(BookingException.class).hasMessageContaining("call the clinic");
        Slot other = fixture.openSlot(patient.id(), 3);
        assertThatThrownBy(() -> fixture.as(patient.email(),
                () -> booking.reschedule(patient.id(), soon, other.start())))
                .isInstanceOf(BookingException.class).hasMessageContaining("call the clinic");
        assertThat(fixture.statusOf(soon)).isEqualTo("BOOKED");

        assertThat(fixture.as(fixture.physio(), () -> booking.cancel(patient.id(), soon)).status())
                .isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void outside_the_notice_period_the_patient_may_cancel() {
        long later = fixture.insertAppointment(patient.id(), fixture.physio(),
                Instant.now().plus(Duration.ofHours(25)), AppointmentStatus.BOOKED);
        assertThat(fixture.as(patient.email(), () -> booking.appointments(patient.id())).getFirst().patientMayChange())
                .isTrue();
        assertThat(fixture.as(patient.email(), () -> booking.cancel(patient.id(), later)).status())
                .isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void the_physio_marks_attended_or_no_show_only_after_the_start() {
        long past = fixture.insertAppointment(patient.id(), fixture.physio(),
                Instant.now().minus(Duration.ofHours(2)), AppointmentStatus.BOOKED);
        long past2 = fixture.insertAppointment(patient.id(), fixture.physio(),
                Instant.now().minus(Duration.ofDays(2)), AppointmentStatus.BOOKED);
        long future = fixture.insertAppointment(patient.id(), fixture.physio(),
                Instant.now().plus(Duration.ofDays(2)), AppointmentStatus.BOOKED);

        assertThat(fixture.as(patient.email(), () -> booking.appointments(patient.id())))
                .filteredOn(a -> a.id() == past).singleElement().extracting(AppointmentSummary::outcomeDue)
                .isEqualTo(true);
        assertThat(fixture.as(fixture.physio(),
                () -> booking.markOutcome(patient.id(), past, AppointmentStatus.ATTENDED)).status())
                .isEqualTo(AppointmentStatus.ATTENDED);
        assertThat(fixture.as(fixture.physio(),
                () -> booking.markOutcome(patient.id(), past2, AppointmentStatus.NO_SHOW)).status())
                .isEqualTo(AppointmentStatus.NO_SHOW);
        assertThatThrownBy(() -> fixture.as(fixture.physio(),
                () -> booking.markOutcome(patient.id(), future, AppointmentStatus.ATTENDED)))
                .isInstanceOf(BookingException.class).hasMessageContaining("once the appointment has started");
        assertThatThrownBy(() -> fixture.as(fixture.physio(),
                () -> booking.markOutcome(patient.id(), past, AppointmentStatus.BOOKED)))
                .isInstanceOf(BookingException.class);
        // an attended visit can no longer be cancelled
        assertThatThrownBy(() -> fixture.as(fixture.physio(), () -> booking.cancel(patient.id(), past)))
                .isInstanceOf(BookingException.class).hasMessageContaining("can no longer be changed");
    }

    @Test
    void a_patient_cannot_mark_their_own_outcome() {
        long past = fixture.insertAppointment(patient.id(), fixture.physio(),
                Instant.now().minus(Duration.ofHours(5)), AppointmentStatus.BOOKED);
        assertThatThrownBy(() -> fixture.as(patient.email(),
                () -> booking.markOutcome(patient.id(), past, AppointmentStatus.ATTENDED)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.statusOf(past)).isEqualTo("BOOKED");
    }

    @Test
    void a_patient_cannot_touch_another_patients_appointment_even_with_their_own_id() {
        TestPatient other = fixture.newPatient();
        long theirs = fixture.insertAppointment(other.id(), fixture.physio(),
                Instant.now().plus(Duration.ofDays(3)), AppointmentStatus.BOOKED);
        assertThatThrownBy(() -> fixture.as(patient.email(), () -> booking.cancel(patient.id(), theirs)))
                .isInstanceOf(BookingException.class).hasMessage("No such appointment");
        assertThat(fixture.statusOf(theirs)).isEqualTo("BOOKED");
    }

    @Test
    void the_physio_week_shows_booked_visits_and_free_slots() {
        Slot slot = fixture.openSlot(patient.id(), 7);
        AppointmentSummary booked = bookAsPatient(slot);
        LocalDate day = slot.start().atZone(clinic.zone()).toLocalDate();

        BookingService.WeekSchedule week = fixture.as(fixture.physio(), () -> booking.myWeek(day));

        assertThat(week.monday().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(week.days()).hasSize(7);
        BookingService.ScheduleDay scheduleDay = week.days().stream().filter(d -> d.date().equals(day)).findFirst()
                .orElseThrow();
        assertThat(scheduleDay.appointments()).extracting(AppointmentSummary::id).contains(booked.id());
        assertThat(scheduleDay.free()).extracting(Slot::start).doesNotContain(slot.start());
        assertThat(week.days().get(5).working()).as("Saturday").isFalse();
    }
}
