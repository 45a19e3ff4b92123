package app.physioportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.notes.ClinicalNoteService.NewNote;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.ItemDraft;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail says who did what to whose record, with ids and field names, never what was written: clinical
 * notes, cramp notes, medicines, plan reasons and progression notes stay in the record itself.
 */
@PortalTest
class AuditPrivacyTest {

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    ClinicalNoteService notes;

    @Autowired
    PatientService patients;

    @Autowired
    PlanService plans;

    @Autowired
    DiaryService diary;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void text_typed_into_a_record_appears_in_no_audit_row() {
        String marker = "MARKER" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var patient = fixtures.newPatient();
        String physio = PlanFixtures.PHYSIO;
        long before = jdbc.queryForObject("select count(*) from audit_event where patient_id = ?", Long.class,
                patient.id());

        fixtures.as(physio, () -> notes.addNote(patient.id(), new NewNote("Calf tight " + marker, true, null)));
        fixtures.as(physio, () -> patients.updateMedications(patient.id(), "statin " + marker));
        fixtures.as(physio, () -> patients.updateMedications(patient.id(), "diuretic " + marker));
        List<ItemDraft> items = new ArrayList<>();
        for (ItemDraft item : fixtures.as(physio, () -> plans.trialTemplate())) {
            items.add(new ItemDraft(item.exerciseId(), item.sets(), item.reps(), item.holdSeconds(),
                    item.restSeconds(), item.timesPerDay(), item.daysPerWeek(), item.timing(), "left " + marker,
                    "add a set next week " + marker));
        }
        int version = fixtures.as(physio, () -> plans.createVersion(patient.id(), null, items, "Start " + marker));
        List<ItemDraft> changed = new ArrayList<>(items);
        ItemDraft first = items.getFirst();
        changed.set(0, new ItemDraft(first.exerciseId(), first.sets() + 1, first.reps(), first.holdSeconds(),
                first.restSeconds(), first.timesPerDay(), first.daysPerWeek(), first.timing(), "right " + marker,
                "hold longer " + marker));
        fixtures.as(physio, () -> plans.createVersion(patient.id(), version, changed, "Progress " + marker));

        Instant lastNight = Instant.now().minus(Duration.ofHours(8));
        long cramp = fixtures.as(patient.email(), () -> diary.logCramp(patient.id(), new CrampInput(lastNight, 6, null,
                null, CrampLocation.CALF, null, true, null, null, "after the long walk " + marker)));
        fixtures.as(patient.email(), () -> diary.updateCramp(patient.id(), cramp, new CrampInput(lastNight, 7, null,
                null, CrampLocation.CALF, null, true, null, null, "woke twice " + marker)));
        fixtures.as(patient.email(), () -> diary.deleteCramp(patient.id(), cramp));

        long written = jdbc.queryForObject("select count(*) from audit_event where patient_id = ?", Long.class,
                patient.id()) - before;
        assertThat(written).as("every step was audited").isGreaterThanOrEqualTo(8);
        assertThat(jdbc.queryForList("select detail from audit_event where detail like ?", String.class,
                "%" + marker + "%")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and action = "
                + "'CRAMP_UPDATED' and detail like '%note changed%'", Integer.class, patient.id())).isOne();
    }
}
