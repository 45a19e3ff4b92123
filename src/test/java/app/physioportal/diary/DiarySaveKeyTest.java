package app.physioportal.diary;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.security.SystemTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A save sent twice is saved once (issue 20): the save key a form holds until the save is confirmed. Each test uses
 * nights of its own, far from the demo history and from DiaryServiceTest's.
 */
@PortalTest
class DiarySaveKeyTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    DiaryService diary;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemTasks systemTasks;

    long patient1;
    long patient2;

    @BeforeEach
    void patients() {
        patient1 = ids.idOf(Demo.PATIENT1);
        patient2 = ids.idOf(Demo.PATIENT2);
    }

    static Instant smallHoursOf(int daysAgo) {
        return LocalDate.now(LONDON).minusDays(daysAgo - 1L).atTime(LocalTime.of(3, 10)).atZone(LONDON).toInstant();
    }

    static CrampInput cramp(Instant when, int intensity, String note) {
        return new CrampInput(when, intensity, null, 4, CrampLocation.CALF, Side.RIGHT, true,
                Set.of(Trigger.DEHYDRATION), Set.of(Relief.STRETCH), note);
    }

    long as(String email, java.util.function.LongSupplier save) {
        long[] id = new long[1];
        systemTasks.runAsAccount(email, () -> id[0] = save.getAsLong());
        return id[0];
    }

    /** Cramps in the patient's diary on the night of the given moment (each test has a night of its own). */
    int rows(long patient, Instant when) {
        LocalDate night = LocalDate.ofInstant(when, LONDON).minusDays(1);
        return jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ? and night_date = ?",
                Integer.class, patient, night);
    }

    int audits(long patient, String action, long crampId) {
        return jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and action = ? "
                + "and detail like ?", Integer.class, patient, action, "cramp " + crampId + ":%");
    }

    @Test
    void the_same_key_twice_saves_one_cramp_and_audits_it_once() {
        Instant when = smallHoursOf(301);
        UUID key = UUID.randomUUID();
        CrampInput input = cramp(when, 7, "Left the bed to stretch");
        int before = rows(patient1, when);

        long first = as(Demo.PATIENT1, () -> diary.logCramp(patient1, key, input));
        long again = as(Demo.PATIENT1, () -> diary.logCramp(patient1, key, input));

        assertThat(again).isEqualTo(first);
        assertThat(rows(patient1, when)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select save_key from cramp_entry where id = ?", String.class, first))
                .isEqualTo(key.toString());
        assertThat(audits(patient1, "CRAMP_LOGGED", first)).isEqualTo(1);
        assertThat(audits(patient1, "CRAMP_UPDATED", first)).isZero();
    }

    @Test
    void two_keys_with_identical_content_are_two_cramps() {
        Instant when = smallHoursOf(303);
        CrampInput input = cramp(when, 5, null);
        int before = rows(patient1, when);

        long one = as(Demo.PATIENT1, () -> diary.logCramp(patient1, UUID.randomUUID(), input));
        long other = as(Demo.PATIENT1, () -> diary.logCramp(patient1, UUID.randomUUID(), input));

        assertThat(other).isNotEqualTo(one);
        assertThat(rows(patient1, when)).isEqualTo(before + 2);
    }

    @Test
    void another_patients_key_neither_finds_nor_touches_their_entry() {
        Instant when = smallHoursOf(305);
        UUID key = UUID.randomUUID();
        int before1 = rows(patient1, when);
        int before2 = rows(patient2, when);

        long ofPatient2 = as(Demo.PATIENT2, () -> diary.logCramp(patient2, key, cramp(when, 3, "patient 2's own")));
        long ofPatient1 = as(Demo.PATIENT1, () -> diary.logCramp(patient1, key, cramp(when, 9, "patient 1's own")));

        assertThat(ofPatient1).isNotEqualTo(ofPatient2);
        assertThat(rows(patient1, when)).isEqualTo(before1 + 1);
        assertThat(rows(patient2, when)).isEqualTo(before2 + 1);
        var second = jdbc.queryForMap("select patient_id, intensity, note from cramp_entry where id = ?", ofPatient2);
        assertThat(second.get("patient_id")).isEqualTo(patient2);
        assertThat(second.get("intensity")).isEqualTo(3);
        assertThat(second.get("note")).isEqualTo("patient 2's own");
        assertThat(audits(patient2, "CRAMP_UPDATED", ofPatient2)).isZero();
    }

    @Test
    void the_same_key_with_the_form_changed_in_between_keeps_one_cramp_with_the_last_values() {
        Instant when = smallHoursOf(307);
        UUID key = UUID.randomUUID();
        int before = rows(patient1, when);

        long first = as(Demo.PATIENT1, () -> diary.logCramp(patient1, key, cramp(when, 6, null)));
        long again = as(Demo.PATIENT1, () -> diary.logCramp(patient1, key, cramp(when, 8, null)));

        assertThat(again).isEqualTo(first);
        assertThat(rows(patient1, when)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select intensity from cramp_entry where id = ?", Integer.class, first))
                .isEqualTo(8);
        assertThat(audits(patient1, "CRAMP_LOGGED", first)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from audit_event where patient_id = ? and action = "
                + "'CRAMP_UPDATED' and detail like ?", String.class, patient1, "cramp " + first + ":%"))
                .contains("saved again from the same form", "intensity 6 -> 8");
    }

    @Test
    void the_same_morning_answer_twice_is_one_check_in_audited_once() {
        LocalDate night = LocalDate.now(LONDON).minusDays(309);
        // A disturbance other than the one a run before may have left, so this answer is new to the night.
        Integer earlier = jdbc.query("select sleep_disturbance from night_check_in where patient_id = ? and "
                + "night_date = ?", rs -> rs.next() ? (Integer) rs.getObject(1) : null, patient1, night);
        CheckInInput answer = new CheckInInput(night, true, earlier != null && earlier == 2 ? 3 : 2);
        int before = jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and action = "
                + "'NIGHT_CHECKED_IN' and detail like ?", Integer.class, patient1, "%night " + night + " %");

        systemTasks.runAsAccount(Demo.PATIENT1, () -> diary.checkIn(patient1, answer));
        systemTasks.runAsAccount(Demo.PATIENT1, () -> diary.checkIn(patient1, answer));

        assertThat(jdbc.queryForObject("select count(*) from night_check_in where patient_id = ? and night_date = ?",
                Integer.class, patient1, night)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and action = "
                + "'NIGHT_CHECKED_IN' and detail like ?", Integer.class, patient1, "%night " + night + " %"))
                .isEqualTo(before + 1);
    }
}
