package app.physioportal.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.InvalidInput;
import app.physioportal.security.SystemTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every public diary method refuses a patient who is not the owner and an unassigned physio, and audits it. */
@PortalTest
class DiarySecurityTest {

    @Autowired
    DiaryService diary;

    @Autowired
    DemoIds ids;

    @Autowired
    SystemTasks systemTasks;

    long patient1;
    long crampOfPatient1;

    @BeforeEach
    void aCrampOfPatient1() {
        patient1 = ids.idOf(Demo.PATIENT1);
        long[] id = new long[1];
        systemTasks.runAsAccount(Demo.PATIENT1, () -> id[0] = diary.logCramp(patient1,
                CrampInput.quick(Instant.now().minusSeconds(86_400L * 250), 5, CrampLocation.CALF)));
        crampOfPatient1 = id[0];
    }

    private Map<String, Runnable> everyMethod() {
        LocalDate night = LocalDate.now(ZoneId.of("Europe/London")).minusDays(260);
        CrampInput input = CrampInput.quick(Instant.now().minusSeconds(86_400L * 255), 4, CrampLocation.FOOT);
        Map<String, Runnable> methods = new LinkedHashMap<>();
        methods.put("logCramp", () -> diary.logCramp(patient1, input));
        methods.put("updateCramp", () -> diary.updateCramp(patient1, crampOfPatient1, input));
        methods.put("deleteCramp", () -> diary.deleteCramp(patient1, crampOfPatient1));
        methods.put("cramp", () -> diary.cramp(patient1, crampOfPatient1));
        methods.put("checkIn", () -> diary.checkIn(patient1, new CheckInInput(night, true, null)));
        methods.put("recordHistory", () -> diary.recordHistory(patient1, List.of(input), List.of()));
        methods.put("listNights", () -> diary.listNights(patient1, night, night.plusDays(6)));
        methods.put("statistics", () -> diary.statistics(patient1, night, night.plusDays(6)));
        methods.put("weeklyBreakdown", () -> diary.weeklyBreakdown(patient1, night, night.plusDays(6)));
        methods.put("totals", () -> diary.totals(patient1, night, night.plusDays(6), night));
        methods.put("lastRecordedNight", () -> diary.lastRecordedNight(patient1));
        return methods;
    }

    private void assertEveryMethodRefusedAndAudited(String actor) {
        everyMethod().forEach((name, call) -> {
            int before = ids.auditCountForPatient(actor, "ACCESS_DENIED", patient1);
            assertThatThrownBy(call::run).as(name).isInstanceOf(AccessDeniedException.class);
            assertThat(ids.auditCountForPatient(actor, "ACCESS_DENIED", patient1)).as(name + " audited")
                    .isEqualTo(before + 1);
        });
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void another_patient_is_refused_every_diary_method_and_each_refusal_is_audited() {
        assertEveryMethodRefusedAndAudited(Demo.PATIENT2);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_physio_is_refused_every_diary_method_and_each_refusal_is_audited() {
        assertEveryMethodRefusedAndAudited(Demo.PHYSIO2);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_assigned_physio_reads_the_diary_but_never_writes_it() {
        LocalDate night = LocalDate.now(ZoneId.of("Europe/London")).minusDays(7);
        int viewed = ids.auditCountForPatient(Demo.PHYSIO1, "DIARY_VIEWED", patient1);
        assertThat(diary.listNights(patient1, night, night)).hasSize(1);
        assertThat(diary.statistics(patient1, night, night).nightsInRange()).isEqualTo(1);
        assertThat(diary.cramp(patient1, crampOfPatient1).intensity()).isEqualTo(5);
        assertThat(ids.auditCountForPatient(Demo.PHYSIO1, "DIARY_VIEWED", patient1)).as("a physio's reading is audited")
                .isEqualTo(viewed + 3);

        for (String write : List.of("logCramp", "updateCramp", "deleteCramp", "checkIn", "recordHistory")) {
            int before = ids.auditCountForPatient(Demo.PHYSIO1, "ACCESS_DENIED", patient1);
            assertThatThrownBy(everyMethod().get(write)::run).as(write).isInstanceOf(AccessDeniedException.class);
            assertThat(ids.auditCountForPatient(Demo.PHYSIO1, "ACCESS_DENIED", patient1)).isEqualTo(before + 1);
        }
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void a_patient_cannot_reach_another_patients_cramp_through_their_own_diary() {
        long patient2 = ids.idOf(Demo.PATIENT2);
        assertThatThrownBy(() -> diary.deleteCramp(patient2, crampOfPatient1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> diary.cramp(patient2, crampOfPatient1)).isInstanceOf(InvalidInput.class);
    }
}
