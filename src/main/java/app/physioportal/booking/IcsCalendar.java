package app.physioportal.booking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An iCalendar (RFC 5545) invitation for one appointment. The UID stays the same for the life of the
 * appointment and SEQUENCE rises with each change, so a calendar updates or removes the one event it
 * already has instead of adding another. Times are UTC, lines end in CRLF and are folded at 75 octets.
 */
final class IcsCalendar {

    static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private IcsCalendar() {
    }

    static String uid(long appointmentId) {
        return "appointment-" + appointmentId + "@physio-portal";
    }

    static String of(AppointmentChanged change, Instant now, String location) {
        boolean cancel = change.kind() == AppointmentChanged.Kind.CANCELLED;
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Physio Portal//Follow-up booking//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:" + (cancel ? "CANCEL" : "REQUEST"));
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + uid(change.appointmentId()));
        lines.add("SEQUENCE:" + change.sequence());
        lines.add("DTSTAMP:" + UTC.format(now.truncatedTo(ChronoUnit.SECONDS)));
        lines.add("DTSTART:" + UTC.format(change.start()));
        lines.add("DTEND:" + UTC.format(change.end()));
        lines.add("SUMMARY:" + escape("Physio follow-up with " + change.physioName()));
        lines.add("DESCRIPTION:" + escape(change.type().label() + " appointment with " + change.physioName()
                + " for " + change.patientName() + ".\nTo change or cancel it, use Physio Portal or call the clinic."));
        lines.add("LOCATION:" + escape(change.type() == AppointmentType.VIDEO ? "Video call (link sent by your physio)"
                : location));
        lines.add("ORGANIZER;CN=" + param(change.physioName()) + ":mailto:" + change.physioEmail());
        lines.add("ATTENDEE;CN=" + param(change.patientName()) + ";ROLE=REQ-PARTICIPANT:mailto:"
                + change.patientEmail());
        lines.add("STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"));
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(fold(line)).append(CRLF);
        }
        return out.toString();
    }

    /** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private static String param(String value) {
        return "\"" + value.replace("\"", "'") + "\"";
    }

    /** Long lines are split after 75 octets; each continuation starts with one space. */
    static String fold(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
