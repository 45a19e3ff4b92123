package app.physioportal.booking;

import app.physioportal.booking.ScheduleService.ClosureDays;
import app.physioportal.booking.ScheduleService.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Open slots = working hours minus breaks minus closures minus taken times. Working hours are wall-clock
 * times in the clinic's zone; each day's window is turned into instants first and then cut into slots of
 * real minutes, so a day on which the clocks change has the hours it really has (an hour fewer in March,
 * one more in October) and the next day's 09:00 is an hour earlier or later in UTC, as it should be.
 */
final class SlotCalculator {

    private SlotCalculator() {
    }

    /** Every free slot starting on {@code from} .. {@code to} (both inclusive) that starts after {@code notBefore}. */
    static List<Slot> openSlots(LocalDate from, LocalDate to, Collection<WorkingHours> week,
            Collection<ClosureDays> closures, Collection<Slot> taken, ZoneId zone, Instant notBefore) {
        Map<java.time.DayOfWeek, WorkingHours> byDay = week.stream()
                .collect(Collectors.toMap(WorkingHours::day, Function.identity()));
        List<Slot> open = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            WorkingHours hours = byDay.get(date.getDayOfWeek());
            if (hours == null || isClosed(date, closures)) {
                continue;
            }
            Instant dayEnd = at(date, hours.end(), zone);
            Instant breakStart = hours.hasBreak() ? at(date, hours.breakStart(), zone) : null;
            Instant breakEnd = hours.hasBreak() ? at(date, hours.breakEnd(), zone) : null;
            Duration length = Duration.ofMinutes(hours.slotMinutes());
            for (Instant start = at(date, hours.start(), zone); !start.plus(length).isAfter(dayEnd);
                    start = start.plus(length)) {
                Slot slot = new Slot(start, start.plus(length));
                if (breakStart != null && overlaps(slot, breakStart, breakEnd)) {
                    continue;
                }
                if (!slot.start().isAfter(notBefore)) {
                    continue;
                }
                if (taken.stream().anyMatch(t -> overlaps(slot, t.start(), t.end()))) {
                    continue;
                }
                open.add(slot);
            }
        }
        return open;
    }

    static boolean isClosed(LocalDate date, Collection<ClosureDays> closures) {
        return closures.stream().anyMatch(c -> !date.isBefore(c.firstDay()) && !date.isAfter(c.lastDay()));
    }

    /** A wall-clock time that falls in the spring-forward gap moves on by the gap, as java.time does. */
    private static Instant at(LocalDate date, java.time.LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static boolean overlaps(Slot slot, Instant start, Instant end) {
        return slot.start().isBefore(end) && start.isBefore(slot.end());
    }
}
