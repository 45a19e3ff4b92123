package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every BookingService method that names a patient refuses another patient and an unassigned physio, and audits it. */
@PortalTest
class BookingSecurityTest {

    @Autowired
    BookingService booking;

    @Autowired
    ScheduleService schedule;

    @Autowired
    DemoIds ids;

    private Map<String, Runnable> everyMethodOn(long patientId) {
        Instant later = Instant.now().plusSeconds(3 * 86400);
        LocalDate today = LocalDate.now();
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("openSlots", () -> booking.openSlots(patientId, today, today.plusDays(7)));
        calls.put("selfBookingSlots", () -> booking.selfBookingSlots(patientId));
        calls.put("book", () -> booking.book(patientId, later, AppointmentType.IN_CLINIC, null));
        calls.put("reschedule", () -> booking.reschedule(patientId, 1L, later));
        calls.put("cancel", () -> booking.cancel(patientId, 1L));
        calls.put("markOutcome", () -> booking.markOutcome(patientId, 1L, AppointmentStatus.ATTENDED));
        calls.put("recordPastVisit", () -> booking.recordPastVisit(patientId, Instant.now().minusSeconds(86400 * 3),
                AppointmentType.IN_CLINIC, AppointmentStatus.ATTENDED, null));
        calls.put("appointments", () -> booking.appointments(patientId));
        calls.put("nextAppointment", () -> booking.nextAppointment(patientId));
        return calls;
    }

    private void assertEveryMethodRefusedAndAudited(String actor, long patientId) {
        everyMethodOn(patientId).forEach((name, call) -> {
            int before = ids.auditCountForPatient(actor, "ACCESS_DENIED", patientId);
            assertThatThrownBy(call::run).as(name).isInstanceOf(AccessDeniedException.class);
            assertThat(ids.auditCountForPatient(actor, "ACCESS_DENIED", patientId)).as(name + " audited")
                    .isEqualTo(before + 1);
        });
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void another_patient_is_refused_by_every_method_and_each_refusal_is_audited() {
        assertEveryMethodRefusedAndAudited(Demo.PATIENT2, ids.idOf(Demo.PATIENT1));
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_physio_is_refused_by_every_method_and_each_refusal_is_audited() {
        assertEveryMethodRefusedAndAudited(Demo.PHYSIO2, ids.idOf(Demo.PATIENT1));
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_admin_sees_no_appointments() {
        assertThatThrownBy(() -> booking.appointments(ids.idOf(Demo.PATIENT1))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_cannot_open_or_change_a_physio_schedule() {
        assertThatThrownBy(() -> booking.myWeek(LocalDate.now())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedule.myWorkingHours()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedule.setMyWorkingHours(java.util.List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void a_physio_week_holds_only_their_own_patients() {
        long physio2 = ids.idOf(Demo.PHYSIO2);
        assertThat(booking.myWeek(LocalDate.now().plusWeeks(1)).days())
                .flatExtracting(BookingService.ScheduleDay::appointments)
                .allSatisfy(a -> assertThat(a.physioId()).isEqualTo(physio2));
    }
}
