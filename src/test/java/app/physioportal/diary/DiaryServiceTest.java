package app.physioportal.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.InvalidInput;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The diary's rules against the real database. Each test works in its own stretch of nights long before
 * the demo history, so tests sharing the database never see each other's cramps.
 */
@PortalTest
@WithUserDetails(Demo.PATIENT1)
class DiaryServiceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    DiaryService diary;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    long patient;

    @BeforeEach
    void patient() {
        patient = ids.idOf(Demo.PATIENT1);
    }

    static LocalDate daysAgo(int days) {
        return LocalDate.now(LONDON).minusDays(days);
    }

    /** A moment of the given night: 23:00 on the evening, or the small hours after it. */
    static Instant at(LocalDate night, int hour, int minute) {
        LocalDate day = hour >= 12 ? night : night.plusDays(1);
        return day.atTime(LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
    }

    static CrampInput cramp(Instant when, int intensity, CrampLocation where, boolean woke, Trigger... triggers) {
        return new CrampInput(when, intensity, null, null, where, Side.LEFT, woke, Set.of(triggers), null, null);
    }

    int crampRows() {
        return jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ?", Integer.class, patient);
    }

    String lastAuditDetail(String action) {
        return jdbc.queryForObject("select detail from audit_event where action = ? and patient_id = ? "
                + "order by id desc limit 1", String.class, action, patient);
    }

    @Test
    void a_cramp_in_the_small_hours_is_listed_under_the_evening_before() {
        LocalDate night = daysAgo(150);
        int audits = ids.auditCountForPatient(Demo.PATIENT1, "CRAMP_LOGGED", patient);

        long id = diary.logCramp(patient, cramp(at(night, 2, 0), 6, CrampLocation.CALF, true));

        List<NightSummary> listed = diary.listNights(patient, night, night.plusDays(1));
        assertThat(listed).extracting(NightSummary::night).containsExactly(night.plusDays(1), night);
        assertThat(listed.get(1).status()).isEqualTo(NightStatus.RECORDED_WITH_CRAMPS);
        assertThat(listed.get(1).cramps()).extracting(CrampRecord::id).containsExactly(id);
        assertThat(listed.get(0).status()).isEqualTo(NightStatus.NOT_RECORDED);
        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "CRAMP_LOGGED", patient)).isEqualTo(audits + 1);
    }

    @Test
    void statistics_count_only_recorded_nights_so_missing_nights_are_not_zero() {
        LocalDate first = daysAgo(170);
        diary.logCramp(patient, cramp(at(first, 23, 10), 4, CrampLocation.CALF, true, Trigger.FATIGUE_OVERUSE));
        diary.logCramp(patient, cramp(at(first, 3, 40), 8, CrampLocation.FOOT, false));
        diary.checkIn(patient, new CheckInInput(first.plusDays(1), true, 2));
        diary.logCramp(patient, cramp(at(first.plusDays(4), 1, 0), 6, CrampLocation.CALF, false));

        DiaryStatistics stats = diary.statistics(patient, first, first.plusDays(6));

        assertThat(stats.nightsInRange()).isEqualTo(7);
        assertThat(stats.recordedNights()).as("two nights with cramps and one cramp-free").isEqualTo(3);
        assertThat(stats.crampFreeNights()).isEqualTo(1);
        assertThat(stats.cramps()).isEqualTo(3);
        assertThat(stats.crampsPerRecordedNight()).as("3 cramps over 3 recorded nights, not over 7").isEqualTo(1.0);
        assertThat(stats.crampsPerWeek()).isEqualTo(7.0);
        assertThat(stats.meanIntensity()).isEqualTo(6.0);
        assertThat(stats.worstIntensity()).isEqualTo(8);
        assertThat(stats.shareOfNightsWoken()).isEqualTo(1.0 / 3);
        assertThat(stats.meanSleepDisturbance()).isEqualTo(2.0);
    }

    @Test
    void a_range_with_nothing_recorded_has_no_rates_rather_than_zero_rates() {
        DiaryStatistics stats = diary.statistics(patient, daysAgo(300), daysAgo(294));
        assertThat(stats.recordedNights()).isZero();
        assertThat(stats.crampsPerRecordedNight()).isNull();
        assertThat(stats.crampsPerWeek()).isNull();
        assertThat(stats.meanIntensity()).isNull();
    }

    @Test
    void weekly_breakdown_starts_weeks_on_monday_and_counts_places_and_triggers() {
        LocalDate monday = Nights.weekStart(daysAgo(270));
        diary.logCramp(patient, cramp(at(monday.plusDays(5), 2, 0), 5, CrampLocation.CALF, true,
                Trigger.MEDICATION, Trigger.DEHYDRATION));
        diary.logCramp(patient, cramp(at(monday.plusDays(6), 23, 0), 7, CrampLocation.FOOT, true,
                Trigger.MEDICATION));
        diary.checkIn(patient, new CheckInInput(monday.plusDays(7), true, null));
        diary.logCramp(patient, cramp(at(monday.plusDays(8), 4, 0), 3, CrampLocation.CALF, false));

        List<WeekSummary> weeks = diary.weeklyBreakdown(patient, monday.plusDays(3), monday.plusDays(13));

        assertThat(weeks).extracting(WeekSummary::weekStart).containsExactly(monday, monday.plusDays(7));
        WeekSummary one = weeks.get(0);
        assertThat(one.statistics().nightsInRange()).as("Thursday to Sunday of the first week").isEqualTo(4);
        assertThat(one.recordedNights()).isEqualTo(2);
        assertThat(one.cramps()).isEqualTo(2);
        assertThat(one.meanIntensity()).isEqualTo(6.0);
        assertThat(one.worstIntensity()).isEqualTo(7);
        assertThat(one.byLocation()).containsEntry(CrampLocation.CALF, 1).containsEntry(CrampLocation.FOOT, 1);
        assertThat(one.byTrigger()).containsEntry(Trigger.MEDICATION, 2).containsEntry(Trigger.DEHYDRATION, 1)
                .doesNotContainKey(Trigger.OTHER);
        WeekSummary two = weeks.get(1);
        assertThat(two.recordedNights()).isEqualTo(2);
        assertThat(two.cramps()).isEqualTo(1);
        assertThat(two.statistics().crampsPerWeek()).as("1 cramp over 2 recorded nights, times 7").isEqualTo(3.5);
    }

    @Test
    void a_time_in_the_future_is_refused_with_a_clear_message_and_nothing_is_saved() {
        int before = crampRows();
        assertThatThrownBy(() -> diary.logCramp(patient,
                cramp(Instant.now().plusSeconds(3600), 5, CrampLocation.CALF, true)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("in the future")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("occurredAt");
        assertThat(crampRows()).isEqualTo(before);
    }

    @Test
    void out_of_range_input_is_refused_with_nothing_saved() {
        int before = crampRows();
        Instant when = at(daysAgo(180), 2, 0);
        assertThatThrownBy(() -> diary.logCramp(patient, cramp(when, 11, CrampLocation.CALF, true)))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("from 0 to 10");
        assertThatThrownBy(() -> diary.logCramp(patient,
                new CrampInput(when, 4, null, 0, CrampLocation.CALF, null, false, null, null, null)))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("minutes between 1 and 240");
        assertThatThrownBy(() -> diary.logCramp(patient,
                new CrampInput(when, 4, null, null, CrampLocation.CALF, null, false, null, null, "x".repeat(501))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("500 characters");
        assertThatThrownBy(() -> diary.logCramp(patient, cramp(when, 4, null, false)))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("where");
        assertThatThrownBy(() -> diary.recordHistory(patient,
                List.of(cramp(when, 4, CrampLocation.CALF, false), cramp(when, 12, CrampLocation.CALF, false)),
                List.of())).as("a batch with one bad item saves none").isInstanceOf(ConstraintViolationException.class);
        assertThat(crampRows()).isEqualTo(before);
    }

    @Test
    void an_edit_is_audited_with_what_changed_and_can_move_the_cramp_to_another_night() {
        LocalDate night = daysAgo(190);
        long id = diary.logCramp(patient, cramp(at(night, 23, 30), 5, CrampLocation.CALF, true));

        diary.updateCramp(patient, id, new CrampInput(at(night, 2, 15), 7, null, 3, CrampLocation.FOOT, Side.LEFT,
                true, null, Set.of(Relief.STRETCH), "walked it off <b>slowly</b>"));

        CrampRecord after = diary.cramp(patient, id);
        assertThat(after.intensity()).isEqualTo(7);
        assertThat(after.duration()).isEqualTo(CrampDuration.ONE_TO_5);
        assertThat(after.night()).as("02:15 after the same evening").isEqualTo(night);
        assertThat(after.note()).isEqualTo("walked it off <b>slowly</b>");
        assertThat(lastAuditDetail("CRAMP_UPDATED")).contains("cramp " + id, "intensity 5 -> 7",
                "location CALF -> FOOT", "relief [] -> [STRETCH]").doesNotContain("side");

        diary.updateCramp(patient, id, cramp(at(night.minusDays(1), 23, 0), 7, CrampLocation.FOOT, true));
        assertThat(diary.cramp(patient, id).night()).isEqualTo(night.minusDays(1));
        assertThat(lastAuditDetail("CRAMP_UPDATED")).contains("night " + night + " -> " + night.minusDays(1));
    }

    @Test
    void a_delete_removes_the_cramp_and_the_audit_trail_keeps_what_it_was() {
        LocalDate night = daysAgo(210);
        long id = diary.logCramp(patient, cramp(at(night, 1, 0), 9, CrampLocation.THIGH_HAMSTRING, true));

        diary.deleteCramp(patient, id);

        assertThat(diary.listNights(patient, night, night).getFirst().status()).isEqualTo(NightStatus.NOT_RECORDED);
        assertThat(lastAuditDetail("CRAMP_DELETED")).contains("cramp " + id + " deleted", "intensity=9",
                "location=THIGH_HAMSTRING");
        assertThatThrownBy(() -> diary.deleteCramp(patient, id)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_cramp_logged_for_a_cramp_free_night_makes_it_a_night_with_cramps() {
        LocalDate night = daysAgo(220);
        diary.checkIn(patient, new CheckInInput(night, true, 1));
        assertThat(diary.listNights(patient, night, night).getFirst().status()).isEqualTo(NightStatus.CRAMP_FREE);

        diary.logCramp(patient, cramp(at(night, 4, 0), 3, CrampLocation.CALF, false));

        NightSummary summary = diary.listNights(patient, night, night).getFirst();
        assertThat(summary.status()).isEqualTo(NightStatus.RECORDED_WITH_CRAMPS);
        assertThat(summary.sleepDisturbance()).as("the sleep answer is kept").isEqualTo(1);
        assertThat(lastAuditDetail("CRAMP_LOGGED")).contains("was checked in as cramp-free");
        assertThat(diary.statistics(patient, night, night).crampFreeNights()).isZero();
    }

    @Test
    void deleting_the_last_cramp_of_a_night_checked_in_as_cramp_free_brings_the_answer_back() {
        LocalDate night = daysAgo(224);
        diary.checkIn(patient, new CheckInInput(night, true, 2));
        long first = diary.logCramp(patient, cramp(at(night, 2, 0), 4, CrampLocation.CALF, true));
        long second = diary.logCramp(patient, cramp(at(night, 3, 0), 5, CrampLocation.FOOT, true));

        diary.deleteCramp(patient, first);
        assertThat(diary.listNights(patient, night, night).getFirst().status())
                .as("one cramp is left").isEqualTo(NightStatus.RECORDED_WITH_CRAMPS);

        diary.deleteCramp(patient, second);
        NightSummary summary = diary.listNights(patient, night, night).getFirst();
        assertThat(summary.status()).isEqualTo(NightStatus.CRAMP_FREE);
        assertThat(summary.sleepDisturbance()).isEqualTo(2);
        assertThat(diary.statistics(patient, night, night).crampFreeNights()).isOne();
        assertThat(lastAuditDetail("CRAMP_DELETED")).contains("cramp-free again");
    }

    @Test
    void moving_the_only_cramp_to_another_night_brings_back_the_first_nights_cramp_free_answer() {
        LocalDate night = daysAgo(226);
        diary.checkIn(patient, new CheckInInput(night, true, null));
        long id = diary.logCramp(patient, cramp(at(night, 2, 0), 4, CrampLocation.CALF, true));

        diary.updateCramp(patient, id, cramp(at(night.minusDays(1), 2, 0), 4, CrampLocation.CALF, true));

        assertThat(diary.listNights(patient, night.minusDays(1), night)).extracting(NightSummary::status)
                .containsExactly(NightStatus.CRAMP_FREE, NightStatus.RECORDED_WITH_CRAMPS);
    }

    @Test
    void a_night_answered_with_cramps_whose_cramps_are_all_deleted_is_asked_about_again() {
        LocalDate night = daysAgo(228);
        long id = diary.logCramp(patient, cramp(at(night, 2, 0), 4, CrampLocation.CALF, true));
        diary.checkIn(patient, new CheckInInput(night, false, 5));

        diary.deleteCramp(patient, id);

        assertThat(diary.listNights(patient, night, night).getFirst().status()).isEqualTo(NightStatus.NOT_RECORDED);
    }

    @Test
    void a_night_with_cramps_cannot_be_checked_in_as_cramp_free() {
        LocalDate night = daysAgo(230);
        diary.logCramp(patient, cramp(at(night, 4, 0), 3, CrampLocation.CALF, false));
        assertThatThrownBy(() -> diary.checkIn(patient, new CheckInInput(night, true, null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("You logged 1 cramp");
        diary.checkIn(patient, new CheckInInput(night, false, 6));
        assertThat(diary.listNights(patient, night, night).getFirst().sleepDisturbance()).isEqualTo(6);
        assertThat(lastAuditDetail("NIGHT_CHECKED_IN")).contains("night " + night + " with cramps",
                "sleep disturbance 6");
    }

    @Test
    void a_night_that_has_not_happened_cannot_be_checked_in() {
        assertThatThrownBy(() -> diary.checkIn(patient, new CheckInInput(LocalDate.now(LONDON), true, null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not happened yet");
        assertThatThrownBy(() -> diary.checkIn(patient, new CheckInInput(daysAgo(240), true, 11)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void the_demo_history_tells_each_story() {
        LocalDate last = daysAgo(1);
        DiaryStatistics baseline1 = diary.statistics(patient, daysAgo(70), daysAgo(57));
        DiaryStatistics recent1 = diary.statistics(patient, last.minusDays(13), last);
        assertThat(baseline1.crampsPerRecordedNight()).as("patient1 baseline ~3 a night").isGreaterThan(2.0);
        assertThat(recent1.crampsPerRecordedNight()).as("patient1 now under 1 a night").isLessThan(1.0);
        assertThat(recent1.meanIntensity()).as("and milder").isLessThan(baseline1.meanIntensity());
        assertThat(recent1.recordedNights()).as("most nights recorded").isGreaterThan(10);
    }
}
