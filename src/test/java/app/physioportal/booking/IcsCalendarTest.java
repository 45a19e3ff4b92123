package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static AppointmentChanged change(AppointmentChanged.Kind kind, int sequence, String patientName) {
        return new AppointmentChanged(kind, 42, sequence, Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:30:00Z"), AppointmentType.IN_CLINIC, patientName, "d@example.org",
                "Priya Shah", "p@example.org", true, null);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    private static String value(PropertyContainer container, String property) {
        return container.getProperty(property).map(Property::getValue).orElseThrow();
    }

    private static String parameter(PropertyContainer container, String property, String parameter) {
        return container.getProperty(property).orElseThrow().getParameter(parameter).orElseThrow().getValue();
    }

    @Test
    void an_invitation_carries_utc_times_a_stable_uid_the_people_and_the_text() throws Exception {
        String ics = IcsCalendar.of(change(AppointmentChanged.Kind.BOOKED, 0, "Chen, David; Jr"),
                Instant.parse("2026-11-26T12:00:00.5Z"), "1 High St, Leeds");

        Calendar calendar = parse(ics);
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        VEvent event = event(calendar);
        assertThat(value(event, Property.UID)).isEqualTo("appointment-42@physio-portal").isEqualTo(IcsCalendar.uid(42));
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261126T120000Z");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20261201T100000Z");
        assertThat(value(event, Property.DTEND)).isEqualTo("20261201T103000Z");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Physio follow-up with Priya Shah");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("In clinic appointment with Priya Shah for "
                + "Chen, David; Jr.\nTo change or cancel it, use Physio Portal or call the clinic.");
        assertThat(value(event, Property.LOCATION)).isEqualTo("1 High St, Leeds");
        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:p@example.org");
        assertThat(parameter(event, Property.ORGANIZER, "CN")).isEqualTo("Priya Shah");
        assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:d@example.org");
        assertThat(parameter(event, Property.ATTENDEE, "CN")).isEqualTo("Chen, David; Jr");
        assertThat(parameter(event, Property.ATTENDEE, "ROLE")).isEqualTo("REQ-PARTICIPANT");

        // On the wire: CRLF only, TEXT escaped, a name with separators quoted.
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("\r\nLOCATION:1 High St\\, Leeds\r\n", "for Chen\\, David\\; Jr.\\nTo change",
                "ATTENDEE;CN=\"Chen, David; Jr\";ROLE=REQ-PARTICIPANT:mailto:d@example.org\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void a_cancellation_keeps_the_uid_and_raises_the_sequence() throws Exception {
        Calendar calendar = parse(IcsCalendar.of(change(AppointmentChanged.Kind.CANCELLED, 2, "David Chen"),
                Instant.now(), "Clinic"));
        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        VEvent event = event(calendar);
        assertThat(value(event, Property.UID)).isEqualTo("appointment-42@physio-portal");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void a_long_accented_name_folds_at_75_octets_and_reads_back_whole() throws Exception {
        String name = "Zoë \"Zo\" Ó Dálaigh-Müller " + "é".repeat(60);
        String ics = IcsCalendar.of(change(AppointmentChanged.Kind.BOOKED, 1, name), Instant.now(), "Clinic");

        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        VEvent event = event(parse(ics));
        assertThat(parameter(event, Property.ATTENDEE, "CN")).isEqualTo(name);
        assertThat(value(event, Property.DESCRIPTION)).contains(" for " + name + ".\n");
    }

    @Test
    void long_lines_fold_without_splitting_a_character() {
        String line = "DESCRIPTION:" + "é".repeat(80) + "😀".repeat(20);
        String folded = IcsCalendar.fold(line + "\r\n");
        assertThat(folded).endsWith("\r\n");
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
        assertThat(folded.split("\r\n")).allSatisfy(l ->
                assertThat(l.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(75));
        assertThat(folded).doesNotContain("\uFFFD");
    }
}
