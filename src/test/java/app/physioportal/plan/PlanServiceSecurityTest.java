package app.physioportal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every public method touching a plan refuses another patient and an unassigned physio, and audits it. */
@PortalTest
class PlanServiceSecurityTest {

    @Autowired
    PlanService plans;

    @Autowired
    AdherenceService adherence;

    @Autowired
    DemoIds ids;

    private Map<String, LongConsumer> everyMethod() {
        LocalDate today = plans.currentDay();
        return Map.ofEntries(
                Map.entry("currentPlan", id -> plans.currentPlan(id)),
                Map.entry("history", id -> plans.history(id)),
                Map.entry("createVersion", id -> plans.createVersion(id, 1, List.of(), "reason")),
                Map.entry("createVersionEffectiveFrom",
                        id -> plans.createVersionEffectiveFrom(id, 1, List.of(), "reason", today.minusDays(3))),
                Map.entry("today", id -> adherence.today(id)),
                Map.entry("markDone", id -> adherence.markDone(id, 1L, null)),
                Map.entry("undo", id -> adherence.undo(id, 1L)),
                Map.entry("setEffort", id -> adherence.setEffort(id, 1L, 3)),
                Map.entry("recordPastDays", id -> adherence.recordPastDays(id, List.of(new Tick(1L, today, null)))),
                Map.entry("weekAdherence", id -> adherence.weekAdherence(id, today)),
                Map.entry("weeklyAdherence", id -> adherence.weeklyAdherence(id, today.minusWeeks(4), today)),
                Map.entry("bedtimeStretchNights", id -> adherence.bedtimeStretchNights(id, today.minusWeeks(4), today)));
    }

    private void assertEveryMethodRefused(String actor, long patientId) {
        everyMethod().forEach((name, call) -> {
            int before = ids.auditCountForPatient(actor, "ACCESS_DENIED", patientId);
            assertThatThrownBy(() -> call.accept(patientId)).as(name).isInstanceOf(AccessDeniedException.class);
            assertThat(ids.auditCountForPatient(actor, "ACCESS_DENIED", patientId)).as(name + " audited")
                    .isEqualTo(before + 1);
        });
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void another_patient_is_refused_by_every_method_and_each_refusal_is_audited() {
        assertEveryMethodRefused(Demo.PATIENT2, ids.idOf(Demo.PATIENT1));
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_physio_is_refused_by_every_method_and_each_refusal_is_audited() {
        assertEveryMethodRefused(Demo.PHYSIO2, ids.idOf(Demo.PATIENT1));
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_cannot_write_their_own_plan() {
        long self = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", self);
        assertThatThrownBy(() -> plans.createVersion(self, 1, plans.trialTemplate(), "I feel better"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", self)).isEqualTo(before + 1);
        assertThat(plans.currentPlan(self)).isPresent();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_physio_reads_but_cannot_tick_for_their_patient() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        assertThat(plans.history(patient1)).isNotEmpty();
        assertThat(adherence.weeklyAdherence(patient1, plans.currentDay().minusWeeks(4), plans.currentDay())).hasSize(5);
        assertThatThrownBy(() -> adherence.markDone(patient1, 1L, null)).isInstanceOf(AccessDeniedException.class);
    }
}
