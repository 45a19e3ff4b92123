package app.physioportal.diary;

import app.physioportal.clinic.Clinic;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one definition of "a night": it is named by the evening's date, and runs from noon in the
 * clinic's time zone to noon the next day. A cramp at 02:00 on the 6th belongs to the night of the 5th.
 * Working in local wall-clock time keeps the rule right on the nights the clocks change.
 */
@Component
public class Nights {

    /** Anything before this local time belongs to the previous evening's night. */
    public static final LocalTime CUT_OFF = LocalTime.NOON;

    private final ZoneId zone;

    @Autowired
    public Nights(Clinic clinic) {
        this(clinic.zone());
    }

    /** For tests that need no application context. */
    public Nights(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate nightOf(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return local.toLocalTime().isBefore(CUT_OFF) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** The most recent night that has ended or is under way: in the morning, the one just gone. */
    public LocalDate lastNight(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone).minusDays(1);
    }

    /** The night under way, or (in the afternoon) the coming one: where a cramp logged now goes. */
    public LocalDate currentNight(Clock clock) {
        return nightOf(clock.instant());
    }

    /** The Monday that starts the week a night belongs to. */
    public static LocalDate weekStart(LocalDate night) {
        return night.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }
}
