package app.physioportal.booking;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.clinic.Clinic;
import app.physioportal.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A physio's working week, days off and the open slots that follow from them. A physio edits only their own
 * schedule (the signed-in physio is the owner); patients reach open slots through {@link BookingService}.
 */
@Service
@Validated
public class ScheduleService {

    public static final int DEFAULT_SLOT_MINUTES = 30;

    /** Regular hours of one weekday, wall-clock times in the clinic's zone. */
    public record WorkingHours(
            @NotNull(message = "Choose a day") DayOfWeek day,
            @NotNull(message = "Enter a start time") LocalTime start,
            @NotNull(message = "Enter an end time") LocalTime end,
            LocalTime breakStart,
            LocalTime breakEnd,
            @Min(value = 10, message = "At least 10 minutes") @Max(value = 240, message = "At most 240 minutes")
            int slotMinutes) {

        public boolean hasBreak() {
            return breakStart != null && breakEnd != null;
        }

        @AssertTrue(message = "The day must end after it starts")
        public boolean isEndAfterStart() {
            return start == null || end == null || end.isAfter(start);
        }

        @AssertTrue(message = "A break needs a start and an end inside the working hours")
        public boolean isBreakInside() {
            if (breakStart == null && breakEnd == null) {
                return true;
            }
            return breakStart != null && breakEnd != null && start != null && end != null
                    && breakEnd.isAfter(breakStart) && !breakStart.isBefore(start) && !breakEnd.isAfter(end);
        }
    }

    public record ClosureDays(Long id, @NotNull(message = "Enter the first day") LocalDate firstDay,
            @NotNull(message = "Enter the last day") LocalDate lastDay,
            @NotBlank(message = "Say why (holiday, sick day...)") @Size(max = 200) String reason) {
    }

    private final WorkingDayRepository workingDays;
    private final ClosureRepository closures;
    private final AppointmentRepository appointments;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final Clinic clinic;
    private final ZoneId zone;

    ScheduleService(WorkingDayRepository workingDays, ClosureRepository closures, AppointmentRepository appointments,
            CurrentUser currentUser, AuditService audit, Clock clock,
            Clinic clinic) {
        this.workingDays = workingDays;
        this.closures = closures;
        this.appointments = appointments;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.clinic = clinic;
        this.zone = clinic.zone();
    }

    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional(readOnly = true)
    public List<WorkingHours> myWorkingHours() {
        return hoursOf(currentUser.require().id());
    }

    /** Replaces the signed-in physio's regular week. Booked appointments stay as they are. */
    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional
    public void setMyWorkingHours(List<@Valid WorkingHours> week) {
        long physioId = currentUser.require().id();
        if (week.stream().map(WorkingHours::day).distinct().count() != week.size()) {
            throw new BookingException("Each weekday can appear only once");
        }
        workingDays.deleteByPhysioId(physioId);
        workingDays.flush();
        workingDays.saveAll(week.stream().map(h -> new WorkingDay(physioId, h)).toList());
        audit.record(AuditAction.SCHEDULE_CHANGED, null, "working hours: " + week.stream()
                .sorted(Comparator.comparing(WorkingHours::day))
                .map(h -> h.day() + " " + h.start() + "-" + h.end()
                        + (h.hasBreak() ? " break " + h.breakStart() + "-" + h.breakEnd() : "") + " /" + h.slotMinutes())
                .collect(Collectors.joining(", ")));
    }

    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional(readOnly = true)
    public List<ClosureDays> myClosures() {
        LocalDate today = clinic.today();
        return closuresOf(currentUser.require().id(), today, today.plusYears(1));
    }

    /** Marks days off. Appointments already booked on them stay booked: the physio cancels those they cannot keep. */
    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional
    public long addMyClosure(@Valid ClosureDays days) {
        if (days.lastDay().isBefore(days.firstDay())) {
            throw new BookingException("The last day cannot be before the first day");
        }
        long id = closures.save(new Closure(currentUser.require().id(), days.firstDay(), days.lastDay(),
                days.reason().strip())).getId();
        audit.record(AuditAction.SCHEDULE_CHANGED, null,
                "closed " + days.firstDay() + ".." + days.lastDay() + " (reason given)");
        return id;
    }

    // Package-private: callers have checked access (BookingService) or own the schedule.

    List<WorkingHours> hoursOf(long physioId) {
        return workingDays.findByPhysioIdOrderByWeekdayAsc(physioId).stream().map(WorkingDay::toHours).toList();
    }

    List<ClosureDays> closuresOf(long physioId, LocalDate from, LocalDate to) {
        return closures.findByPhysioIdAndLastDayGreaterThanEqualAndFirstDayLessThanEqualOrderByFirstDayAsc(
                physioId, from, to).stream().map(Closure::toDays).toList();
    }

    List<Slot> openSlots(long physioId, LocalDate from, LocalDate to) {
        Instant windowStart = from.minusDays(1).atStartOfDay(zone).toInstant();
        Instant windowEnd = to.plusDays(2).atStartOfDay(zone).toInstant();
        List<Slot> taken = appointments.findLiveOfPhysio(physioId, windowStart, windowEnd).stream()
                .map(a -> new Slot(a.getStartsAt(), a.getEndsAt())).toList();
        return SlotCalculator.openSlots(from, to, hoursOf(physioId), closuresOf(physioId, from, to), taken, zone,
                clock.instant());
    }

    /** The open slot starting exactly at {@code start}, if there is one (bookings are on the slot grid). */
    Optional<Slot> openSlotAt(long physioId, Instant start) {
        LocalDate day = start.atZone(zone).toLocalDate();
        return openSlots(physioId, day, day).stream().filter(s -> s.start().equals(start)).findFirst();
    }

    boolean isWorkingDay(long physioId, LocalDate day) {
        return hoursOf(physioId).stream().anyMatch(h -> h.day() == day.getDayOfWeek())
                && !SlotCalculator.isClosed(day, closuresOf(physioId, day, day));
    }
}
