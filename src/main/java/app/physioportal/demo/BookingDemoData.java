package app.physioportal.demo;

import app.physioportal.booking.AppointmentStatus;
import app.physioportal.booking.AppointmentType;
import app.physioportal.booking.BookingService;
import app.physioportal.clinic.Clinic;
import app.physioportal.booking.BookingService.DaySlots;
import app.physioportal.booking.ScheduleService;
import app.physioportal.booking.ScheduleService.WorkingHours;
import app.physioportal.patient.AssignedPatient;
import app.physioportal.patient.PatientService;
import app.physioportal.security.SystemTasks;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's diaries of appointments: both physios' working weeks, each patient's first assessment
 * when their plan started, patient2's attended follow-up when the plan was progressed, patient3's no-show,
 * and an upcoming follow-up for most patients. Written as the physio, through the booking services.
 */
@Component
class BookingDemoData {

    private static final LocalTime START = LocalTime.of(9, 0);
    private static final LocalTime END = LocalTime.of(17, 0);
    private static final LocalTime LUNCH = LocalTime.of(12, 30);
    private static final LocalTime AFTER_LUNCH = LocalTime.of(13, 30);

    /** Days from today of each patient's next follow-up; patient4 stopped logging and has none. */
    private static final Map<Integer, Integer> UPCOMING_IN_DAYS = Map.of(1, 9, 2, 16, 3, 2, 5, 12, 6, 6);

    private final BookingService booking;
    private final ScheduleService schedule;
    private final PatientService patients;
    private final SystemTasks systemTasks;
    private final Clinic clinic;

    BookingDemoData(BookingService booking, ScheduleService schedule, PatientService patients,
            SystemTasks systemTasks, Clinic clinic) {
        this.clinic = clinic;
        this.booking = booking;
        this.schedule = schedule;
        this.patients = patients;
        this.systemTasks = systemTasks;
    }

    void seed() {
        seedPhysio("physio1@example.org", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        seedPhysio("physio2@example.org", Set.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
    }

    private void seedPhysio(String email, Set<DayOfWeek> days) {
        systemTasks.runAsAccount(email, () -> {
            schedule.setMyWorkingHours(days.stream()
                    .map(d -> new WorkingHours(d, START, END, LUNCH, AFTER_LUNCH, ScheduleService.DEFAULT_SLOT_MINUTES))
                    .toList());
            Map<String, Long> ids = patients.myPatients().stream()
                    .collect(Collectors.toMap(AssignedPatient::email, AssignedPatient::id));
            ZoneId zone = clinic.zone();
            LocalDate today = clinic.today();
            for (DemoStories.Story story : DemoStories.STORIES) {
                Long patientId = ids.get(story.email());
                if (patientId == null) {
                    continue;
                }
                LocalTime visitTime = LocalTime.of(10, 0).plusMinutes(30L * story.number());
                LocalDate assessment = workingDayOnOrBefore(story.planStart(today), days);
                booking.recordPastVisit(patientId, assessment.atTime(visitTime).atZone(zone).toInstant(),
                        AppointmentType.IN_CLINIC, AppointmentStatus.ATTENDED, "First assessment; plan started");
                if (story.planV2DaysAgo() > 0) {
                    LocalDate followUp = workingDayOnOrBefore(today.minusDays(story.planV2DaysAgo()), days);
                    booking.recordPastVisit(patientId, followUp.atTime(visitTime).atZone(zone).toInstant(),
                            AppointmentType.IN_CLINIC, AppointmentStatus.ATTENDED,
                            "Follow-up: stretches going well, calf raises added (plan v2)");
                }
                if (story.adherence() < 0.5) {
                    LocalDate missed = workingDayOnOrBefore(today.minusDays(12), days);
                    booking.recordPastVisit(patientId, missed.atTime(visitTime).atZone(zone).toInstant(),
                            AppointmentType.IN_CLINIC, AppointmentStatus.NO_SHOW, "Review of the home programme");
                }
                Integer inDays = UPCOMING_IN_DAYS.get(story.number());
                if (inDays != null) {
                    LocalDate from = today.plusDays(inDays);
                    List<DaySlots> open = booking.openSlots(patientId, from, from.plusDays(7));
                    if (!open.isEmpty()) {
                        var slots = open.getFirst().slots();
                        booking.book(patientId, slots.get(Math.min(story.number() + 1, slots.size() - 1)).start(),
                                story.number() == 6 ? AppointmentType.VIDEO : AppointmentType.IN_CLINIC,
                                "Follow-up: review cramp diary and progress the plan");
                    }
                }
            }
        });
    }

    private static LocalDate workingDayOnOrBefore(LocalDate date, Set<DayOfWeek> days) {
        LocalDate day = date;
        while (!days.contains(day.getDayOfWeek())) {
            day = day.minusDays(1);
        }
        return day;
    }
}
