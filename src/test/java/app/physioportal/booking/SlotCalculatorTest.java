package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.booking.ScheduleService.ClosureDays;
import app.physioportal.booking.ScheduleService.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotCalculatorTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    private static WorkingHours day(DayOfWeek day, String start, String end, String breakStart, String breakEnd) {
        return new WorkingHours(day, LocalTime.parse(start), LocalTime.parse(end),
                breakStart == null ? null : LocalTime.parse(breakStart),
                breakEnd == null ? null : LocalTime.parse(breakEnd), 30);
    }

    private static List<String> localTimes(List<Slot> slots) {
        return slots.stream().map(s -> s.start().atZone(LONDON).toLocalTime().toString()).toList();
    }

    @Test
    void a_day_is_cut_into_half_hour_slots_around_the_lunch_break() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        List<Slot> slots = SlotCalculator.openSlots(monday, monday,
                List.of(day(DayOfWeek.MONDAY, "09:00", "12:00", "10:00", "11:00")), List.of(), List.of(), LONDON,
                LONG_AGO);
        assertThat(localTimes(slots)).containsExactly("09:00", "09:30", "11:00", "11:30");
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).hasMinutes(30));
    }

    @Test
    void days_without_working_hours_and_closed_days_have_no_slots() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        List<WorkingHours> week = List.of(day(DayOfWeek.MONDAY, "09:00", "10:00", null, null),
                day(DayOfWeek.WEDNESDAY, "09:00", "10:00", null, null));
        List<ClosureDays> holiday = List.of(new ClosureDays(1L, monday.plusDays(2), monday.plusDays(2), "Holiday"));

        List<Slot> slots = SlotCalculator.openSlots(monday, monday.plusDays(6), week, holiday, List.of(), LONDON,
                LONG_AGO);

        assertThat(slots).extracting(s -> s.start().atZone(LONDON).toLocalDate()).containsOnly(monday);
        assertThat(slots).hasSize(2);
    }

    @Test
    void booked_times_and_times_already_passed_are_not_open() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        Instant nineThirty = ZonedDateTime.of(monday, LocalTime.of(9, 30), LONDON).toInstant();
        List<Slot> slots = SlotCalculator.openSlots(monday, monday,
                List.of(day(DayOfWeek.MONDAY, "09:00", "11:00", null, null)), List.of(),
                List.of(new Slot(nineThirty, nineThirty.plusSeconds(1800))), LONDON,
                ZonedDateTime.of(monday, LocalTime.of(9, 5), LONDON).toInstant());
        assertThat(localTimes(slots)).containsExactly("10:00", "10:30");
    }

    @Test
    void clinic_hours_stay_at_nine_local_across_the_march_change_so_the_utc_time_moves_an_hour() {
        // Europe/London springs forward on Sunday 29 March 2026.
        List<WorkingHours> week = List.of(day(DayOfWeek.FRIDAY, "09:00", "10:00", null, null),
                day(DayOfWeek.MONDAY, "09:00", "10:00", null, null));
        List<Slot> slots = SlotCalculator.openSlots(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 30), week,
                List.of(), List.of(), LONDON, LONG_AGO);
        assertThat(slots.getFirst().start()).isEqualTo(Instant.parse("2026-03-27T09:00:00Z"));
        assertThat(slots.get(2).start()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(localTimes(slots)).containsExactly("09:00", "09:30", "09:00", "09:30");
    }

    @Test
    void the_night_of_the_march_change_has_an_hour_fewer_and_no_slot_in_the_missing_hour() {
        LocalDate sunday = LocalDate.of(2026, 3, 29);
        List<Slot> slots = SlotCalculator.openSlots(sunday, sunday,
                List.of(day(DayOfWeek.SUNDAY, "00:00", "04:00", null, null)), List.of(), List.of(), LONDON, LONG_AGO);
        // 00:00 GMT to 04:00 BST is three real hours: 00:00, 00:30, then 02:00 (01:00 GMT) onwards.
        assertThat(slots).hasSize(6);
        assertThat(localTimes(slots)).containsExactly("00:00", "00:30", "02:00", "02:30", "03:00", "03:30");
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).hasMinutes(30));
    }

    @Test
    void the_night_of_the_october_change_has_an_hour_more_and_slots_never_overlap() {
        // Europe/London falls back on Sunday 25 October 2026: 01:00-02:00 happens twice.
        LocalDate sunday = LocalDate.of(2026, 10, 25);
        List<Slot> slots = SlotCalculator.openSlots(sunday, sunday,
                List.of(day(DayOfWeek.SUNDAY, "00:00", "04:00", null, null)), List.of(), List.of(), LONDON, LONG_AGO);
        assertThat(slots).hasSize(10);
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).isEqualTo(slots.get(i - 1).end());
        }
        assertThat(localTimes(slots)).containsExactly("00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00",
                "02:30", "03:00", "03:30");
    }

    @Test
    void clinic_hours_stay_at_nine_local_across_the_october_change() {
        List<WorkingHours> week = List.of(day(DayOfWeek.FRIDAY, "09:00", "09:30", null, null),
                day(DayOfWeek.MONDAY, "09:00", "09:30", null, null));
        List<Slot> slots = SlotCalculator.openSlots(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 26), week,
                List.of(), List.of(), LONDON, LONG_AGO);
        assertThat(slots).extracting(Slot::start).containsExactly(Instant.parse("2026-10-23T08:00:00Z"),
                Instant.parse("2026-10-26T09:00:00Z"));
    }
}
