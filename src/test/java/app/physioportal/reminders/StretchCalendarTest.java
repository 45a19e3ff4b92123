package app.physioportal.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class StretchCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static String nightly(LocalDate firstNight, int alarmMinutesBefore, String summary, String description) {
        return StretchCalendar.nightly("stretch-7@physio-portal", Instant.parse("2026-10-01T09:15:30.25Z"), firstNight,
                LocalTime.of(22, 0), LONDON, alarmMinutesBefore, summary, description,
                "https://portal.example/programme");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(PropertyContainer component, String property) {
        return component.getProperty(property).map(Property::getValue).orElseThrow();
    }

    @Test
    void a_nightly_event_in_local_time_with_its_zone_a_daily_rule_and_an_alarm() throws Exception {
        String ics = nightly(LocalDate.of(2026, 10, 20), 10, "Calf stretch", "Before bed");

        Calendar calendar = parse(ics);
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo("stretch-7@physio-portal");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261001T091530Z");
        Property start = event.getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getValue()).isEqualTo("20261020T220000");
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
        assertThat(value(event, Property.DURATION)).isEqualTo("PT15M");
        assertThat(value(event, Property.RRULE)).isEqualTo("FREQ=DAILY");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Calf stretch");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Before bed");
        assertThat(value(event, Property.URL)).isEqualTo("https://portal.example/programme");

        assertThat(event.getAlarms()).singleElement().satisfies(alarm -> {
            assertThat(value(alarm, Property.ACTION)).isEqualTo("DISPLAY");
            assertThat(value(alarm, Property.TRIGGER)).isEqualTo("-PT10M");
            assertThat(value(alarm, Property.DESCRIPTION)).isEqualTo("Calf stretch");
        });

        VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(value(zone, Property.TZID)).isEqualTo("Europe/London");
        List<Observance> observances = zone.getObservances();
        assertThat(observances).anyMatch(Standard.class::isInstance).anyMatch(Daylight.class::isInstance);
        // Only the rules in force from the first night on, not the zone's history since 1847.
        assertThat(observances).hasSize(2).allSatisfy(observance ->
                assertThat(value(observance, Property.RRULE)).startsWith("FREQ=YEARLY").doesNotContain("UNTIL"));
        assertThat(observances).extracting(o -> value(o, Property.TZOFFSETTO)).containsExactlyInAnyOrder("+0000", "+0100");

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void an_alarm_of_zero_minutes_shows_at_the_start() throws Exception {
        VEvent event = parse(nightly(LocalDate.of(2026, 10, 20), 0, "Stretch", "Now"))
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();
        VAlarm alarm = event.getAlarms().getFirst();
        assertThat(value(alarm, Property.TRIGGER)).isEqualTo("PT0S");
    }

    /** The clocks go back on 25 October 2026 and forward on 28 March 2027; the stretch stays at 22:00 local. */
    @Test
    void the_recurrence_stays_at_ten_at_night_across_both_clock_changes() throws Exception {
        VEvent event = parse(nightly(LocalDate.of(2026, 10, 20), 10, "Calf stretch", "Before bed"))
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();

        List<Instant> october = starts(event, LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 28));
        assertThat(october).containsExactly(Instant.parse("2026-10-23T21:00:00Z"), Instant.parse("2026-10-24T21:00:00Z"),
                Instant.parse("2026-10-25T22:00:00Z"), Instant.parse("2026-10-26T22:00:00Z"),
                Instant.parse("2026-10-27T22:00:00Z"));

        List<Instant> march = starts(event, LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 31));
        assertThat(march).containsExactly(Instant.parse("2027-03-26T22:00:00Z"), Instant.parse("2027-03-27T22:00:00Z"),
                Instant.parse("2027-03-28T21:00:00Z"), Instant.parse("2027-03-29T21:00:00Z"),
                Instant.parse("2027-03-30T21:00:00Z"));

        assertThat(october).hasSize(5).allSatisfy(start ->
                assertThat(start.atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(22, 0)));
        assertThat(march).hasSize(5).allSatisfy(start ->
                assertThat(start.atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(22, 0)));
    }

    /** Occurrences that start on the nights from (inclusive) to (exclusive), expanded by ical4j from the file. */
    private static List<Instant> starts(VEvent event, LocalDate from, LocalDate to) {
        return starts(event, from, to, LONDON);
    }

    private static List<Instant> starts(VEvent event, LocalDate from, LocalDate to, ZoneId zone) {
        Period<ZonedDateTime> window = new Period<>(from.atStartOfDay(zone), to.atStartOfDay(zone));
        return event.<Temporal>calculateRecurrenceSet(window).stream()
                .map(period -> Instant.from(period.getStart()))
                .sorted()
                .toList();
    }

    @Test
    void text_with_commas_semicolons_newlines_and_non_ascii_survives_the_round_trip() throws Exception {
        String summary = "Calf stretch, 3 × 30 s; hold – gently";
        String description = "Stand facing the wall; heel down, knee straight.\nHold 30 s × 3, each leg.\n"
                + "Stop if it hurts – and tell your physio, please. Ça va? \\ done";
        String ics = nightly(LocalDate.of(2026, 10, 20), 5, summary, description);

        VEvent event = parse(ics).<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, Property.SUMMARY)).isEqualTo(summary);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo(description);

        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(ics.split("\r\n", -1)).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:Calf stretch\\, 3 × 30 s\\; hold – gently\r\n");
    }

    @Test
    void a_long_description_of_multi_byte_characters_folds_at_75_octets_without_splitting_one() throws Exception {
        String description = "é".repeat(100) + "×".repeat(60) + "😀".repeat(30);
        String ics = nightly(LocalDate.of(2026, 10, 20), 5, "Stretch", description);

        assertThat(ics.split("\r\n", -1)).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(ics).doesNotContain("\uFFFD");
        assertThat(value(parse(ics).<VEvent>getComponent(Component.VEVENT).orElseThrow(), Property.DESCRIPTION))
                .isEqualTo(description);
    }

    @Test
    void a_zone_without_summer_time_has_one_observance() throws Exception {
        String ics = StretchCalendar.nightly("u@x", Instant.EPOCH, LocalDate.of(2026, 10, 20), LocalTime.of(22, 0),
                ZoneId.of("Asia/Tokyo"), 0, "s", "d", "https://x.example/");
        Calendar calendar = parse(ics);
        VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(zone.getObservances()).singleElement().satisfies(observance ->
                assertThat(value(observance, Property.TZOFFSETTO)).isEqualTo("+0900"));
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(starts(event, LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 26), ZoneId.of("Asia/Tokyo")))
                .containsExactly(Instant.parse("2026-10-24T13:00:00Z"), Instant.parse("2026-10-25T13:00:00Z"));
    }

    @Test
    void a_negative_alarm_offset_or_a_zone_without_a_definition_is_refused() {
        assertThatThrownBy(() -> nightly(LocalDate.of(2026, 10, 20), -5, "Stretch", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StretchCalendar.nightly("u", Instant.EPOCH, LocalDate.of(2026, 10, 20),
                LocalTime.of(22, 0), ZoneId.of("+02:00"), 0, "s", "d", "https://x.example/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
