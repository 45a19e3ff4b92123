package app.physioportal.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clinic's settings in one place: its time zone, its language, what day it is there, and how it writes
 * dates and times (day first for en-GB), whatever the server's or the browser's own settings.
 */
@Component
public class Clinic {

    private final Clock clock;
    private final String name;
    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dayMonth;
    private final DateTimeFormatter weekday;
    private final DateTimeFormatter weekdayYear;
    private final DateTimeFormatter longDay;
    private final DateTimeFormatter time;
    private final DateTimeFormatter weekdayTime;
    private final DateTimeFormatter weekdayYearTime;
    private final DateTimeFormatter longDayTime;
    private final DateTimeFormatter stamp;

    public Clinic(Clock clock, @Value("${app.clinic.time-zone}") ZoneId zone,
            @Value("${app.clinic.locale:en-GB}") String languageTag,
            @Value("${app.clinic.name:Physio Portal clinic}") String name) {
        this.clock = clock;
        this.name = name;
        this.zone = zone;
        this.locale = Locale.forLanguageTag(languageTag);
        this.date = pattern("d MMM yyyy");
        this.dayMonth = pattern("d MMM");
        this.weekday = pattern("EEE d MMM");
        this.weekdayYear = pattern("EEE d MMM yyyy");
        this.longDay = pattern("EEEE d MMMM");
        this.time = pattern("HH:mm");
        this.weekdayTime = pattern("EEE d MMM, HH:mm");
        this.weekdayYearTime = pattern("EEE d MMM yyyy, HH:mm");
        this.longDayTime = pattern("EEEE d MMMM yyyy 'at' HH:mm");
        this.stamp = pattern("d MMM yyyy HH:mm:ss");
    }

    private DateTimeFormatter pattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    /** The clinic's name, as emails sign off. */
    public String name() {
        return name;
    }

    /** "Anna" of "Anna Jones": emails greet by first name and say nothing more about who they are for. */
    public static String firstName(String displayName) {
        String trimmed = displayName.strip();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    /** The clinic's day now: a patient's "today" is the clinic's, wherever the server runs. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(zone);
    }

    /** 3 Mar 2026 */
    public String date(TemporalAccessor day) {
        return date.format(day);
    }

    /** 3 Mar */
    public String dayMonth(TemporalAccessor day) {
        return dayMonth.format(day);
    }

    /** Tue 3 Mar */
    public String weekday(TemporalAccessor day) {
        return weekday.format(day);
    }

    /** Tue 3 Mar 2026 */
    public String weekdayYear(TemporalAccessor day) {
        return weekdayYear.format(day);
    }

    /** Tuesday 3 March */
    public String longDay(TemporalAccessor day) {
        return longDay.format(day);
    }

    /** 14:05 at the clinic */
    public String time(Instant instant) {
        return time.format(at(instant));
    }

    /** Tue 3 Mar, 14:05 at the clinic */
    public String weekdayTime(Instant instant) {
        return weekdayTime.format(at(instant));
    }

    /** Tue 3 Mar 2026, 14:05 at the clinic */
    public String weekdayYearTime(Instant instant) {
        return weekdayYearTime.format(at(instant));
    }

    /** Tuesday 3 March 2026 at 14:05 at the clinic */
    public String longDayTime(Instant instant) {
        return longDayTime.format(at(instant));
    }

    /** 3 Mar 2026 14:05:09 at the clinic, for the audit trail */
    public String stamp(Instant instant) {
        return stamp.format(at(instant));
    }
}
