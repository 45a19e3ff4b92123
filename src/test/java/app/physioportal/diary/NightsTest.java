package app.physioportal.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NightsTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    final Nights nights = new Nights(LONDON);

    private LocalDate night(String instant) {
        return nights.nightOf(Instant.parse(instant));
    }

    @Test
    void a_cramp_at_two_in_the_morning_belongs_to_the_previous_evening() {
        assertThat(night("2026-05-06T01:00:00Z")).as("02:00 BST on the 6th").isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(night("2026-05-05T21:30:00Z")).as("22:30 BST on the 5th").isEqualTo(LocalDate.of(2026, 5, 5));
    }

    @Test
    void the_cut_off_is_noon_in_the_clinic_time_zone() {
        assertThat(night("2026-05-06T10:59:59Z")).as("11:59:59 BST").isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(night("2026-05-06T11:00:00Z")).as("12:00 BST").isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(night("2026-01-06T11:59:00Z")).as("11:59 GMT in winter").isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(night("2026-01-06T12:00:00Z")).as("12:00 GMT in winter").isEqualTo(LocalDate.of(2026, 1, 6));
    }

    @Test
    void the_night_the_clocks_go_forward_keeps_its_cramps_together() {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST.
        assertThat(night("2026-03-28T23:30:00Z")).as("23:30 GMT").isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(night("2026-03-29T00:59:00Z")).as("00:59 GMT, just before the change").isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(night("2026-03-29T01:30:00Z")).as("02:30 BST, just after").isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(night("2026-03-29T10:59:00Z")).as("11:59 BST").isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(night("2026-03-29T11:00:00Z")).as("noon BST, though only 11:00 UTC").isEqualTo(LocalDate.of(2026, 3, 29));
    }

    @Test
    void the_night_the_clocks_go_back_keeps_its_cramps_together() {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice.
        assertThat(night("2026-10-25T00:30:00Z")).as("01:30 BST, first time").isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(night("2026-10-25T01:30:00Z")).as("01:30 GMT, second time").isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(night("2026-10-25T11:59:00Z")).as("11:59 GMT").isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(night("2026-10-25T12:00:00Z")).as("noon GMT").isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(night("2026-10-24T11:30:00Z")).as("12:30 BST the day before").isEqualTo(LocalDate.of(2026, 10, 24));
    }

    @Test
    void last_night_is_the_evening_before_today_in_the_clinic() {
        Clock morning = Clock.fixed(Instant.parse("2026-05-06T07:00:00Z"), ZoneId.of("UTC"));
        Clock lateEvening = Clock.fixed(Instant.parse("2026-05-06T23:30:00Z"), ZoneId.of("UTC"));
        assertThat(nights.lastNight(morning)).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(nights.lastNight(lateEvening)).as("00:30 BST on the 7th").isEqualTo(LocalDate.of(2026, 5, 6));
    }

    @Test
    void weeks_start_on_monday() {
        assertThat(Nights.weekStart(LocalDate.of(2026, 11, 26))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Nights.weekStart(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Nights.weekStart(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void minutes_decide_the_duration_category() {
        assertThat(CrampDuration.ofMinutes(1)).isEqualTo(CrampDuration.ONE_TO_5);
        assertThat(CrampDuration.ofMinutes(5)).isEqualTo(CrampDuration.ONE_TO_5);
        assertThat(CrampDuration.ofMinutes(6)).isEqualTo(CrampDuration.FIVE_TO_10);
        assertThat(CrampDuration.ofMinutes(11)).isEqualTo(CrampDuration.OVER_10);
        assertThat(new CrampInput(Instant.EPOCH, 3, CrampDuration.UNDER_1_MIN, 7, CrampLocation.CALF, null, false,
                null, null, null).duration()).isEqualTo(CrampDuration.FIVE_TO_10);
    }
}
