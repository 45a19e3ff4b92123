package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static AppointmentChanged change(AppointmentChanged.Kind kind, int sequence) {
        return new AppointmentChanged(kind, 42, sequence, Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:30:00Z"), AppointmentType.IN_CLINIC, "Chen, David; Jr", "d@example.org",
                "Priya Shah", "p@example.org", true, null);
    }

    @Test
    void an_invitation_is_a_crlf_calendar_with_utc_times_a_stable_uid_and_escaped_text() {
        String ics = IcsCalendar.of(change(AppointmentChanged.Kind.BOOKED, 0), Instant.parse("2026-11-26T12:00:00.5Z"),
                "1 High St, Leeds");

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(ics).contains("\r\nMETHOD:REQUEST\r\n", "\r\nUID:appointment-42@physio-portal\r\n",
                "\r\nSEQUENCE:0\r\n", "\r\nDTSTART:20261201T100000Z\r\n", "\r\nDTEND:20261201T103000Z\r\n",
                "\r\nDTSTAMP:20261126T120000Z\r\n", "\r\nLOCATION:1 High St\\, Leeds\r\n", "\r\nSTATUS:CONFIRMED\r\n");
        assertThat(ics.replace("\r\n ", "")).contains("for Chen\\, David\\; Jr.\\nTo change");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes().length).isLessThanOrEqualTo(75));
    }

    @Test
    void a_cancellation_keeps_the_uid_and_raises_the_sequence() {
        String ics = IcsCalendar.of(change(AppointmentChanged.Kind.CANCELLED, 2), Instant.now(), "Clinic");
        assertThat(ics).contains("\r\nMETHOD:CANCEL\r\n", "\r\nUID:appointment-42@physio-portal\r\n",
                "\r\nSEQUENCE:2\r\n", "\r\nSTATUS:CANCELLED\r\n");
    }

    @Test
    void long_lines_fold_without_splitting_a_character() {
        String folded = IcsCalendar.fold("DESCRIPTION:" + "é".repeat(80));
        assertThat(folded.replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + "é".repeat(80));
        assertThat(folded.split("\r\n")).allSatisfy(l -> assertThat(l.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(75));
    }
}
