package app.physioportal.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.security.SystemTasks;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** "Add tonight's stretches to my calendar": the patient's own file, at their stretch time, with their stretches. */
@PortalTest
class StretchCalendarFileTest {

    @Autowired
    StretchCalendarFile calendar;

    @Autowired
    ReminderFixture fixture;

    @Autowired
    SystemTasks system;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void a_nightly_event_at_the_stretch_time_in_clinic_time_with_an_alarm_naming_the_bedtime_stretches() {
        fixture.at(LocalDateTime.of(2026, 12, 10, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 12, 1), new ReminderSettings(LocalTime.of(22, 30),
                true, 30, true, LocalTime.of(8, 0), true, true, false, null));
        String ics = fixture.as(patient.email(), () -> calendar.forMe());
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("METHOD:PUBLISH\r\n", "DTSTART;TZID=Europe/London:20261210T220000\r\n",
                "RRULE:FREQ=DAILY\r\n", "BEGIN:VALARM\r\n", "TRIGGER:PT0S\r\n", "SUMMARY:Bedtime stretches\r\n",
                "UID:bedtime-stretches-" + patient.id() + "@physio-portal\r\n", "BEGIN:VTIMEZONE\r\n");
        assertThat(unfolded).contains("Wall calf stretch").contains("http://localhost:8080/today");

        // Past tonight's stretch time, the first event is tomorrow's.
        fixture.at(LocalDateTime.of(2026, 12, 10, 22, 5));
        assertThat(fixture.as(patient.email(), () -> calendar.forMe()).replace("\r\n ", ""))
                .contains("DTSTART;TZID=Europe/London:20261211T220000\r\n");
    }

    @Test
    void only_a_patient_has_one() {
        assertThatThrownBy(() -> system.runAsAccount(Demo.PHYSIO1, () -> calendar.forMe()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
