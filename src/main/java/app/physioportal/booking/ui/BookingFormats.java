package app.physioportal.booking.ui;

import app.physioportal.booking.BookingService.AppointmentSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How booking screens write dates and times: the clinic's wall clock, in words a patient reads at a glance. */
final class BookingFormats {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private BookingFormats() {
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    static String when(AppointmentSummary a, ZoneId zone) {
        return DAY.format(a.start().atZone(zone)) + ", " + time(a.start(), zone) + "–" + time(a.end(), zone);
    }
}
