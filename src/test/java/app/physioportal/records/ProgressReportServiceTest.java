package app.physioportal.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.InvalidInput;
import app.physioportal.clinic.Clinic;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.records.ProgressReportService.DateRange;
import app.physioportal.records.ProgressReportService.Report;
import app.physioportal.security.SystemTasks;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The printable report's figures per demo patient, over chosen dates, and who may read it. */
@PortalTest
class ProgressReportServiceTest {

    /** Each demo patient with their physio. */
    private static final Map<String, String> DEMO = Map.of(Demo.PATIENT1, Demo.PHYSIO1, Demo.PATIENT2, Demo.PHYSIO1,
            Demo.PATIENT3, Demo.PHYSIO1, Demo.PATIENT4, Demo.PHYSIO1, Demo.PATIENT5, Demo.PHYSIO2, Demo.PATIENT6,
            Demo.PHYSIO2);

    @Autowired
    ProgressReportService reports;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    Clinic clinic;

    private Report reportAs(String account, long patientId, LocalDate from, LocalDate to) {
        AtomicReference<Report> report = new AtomicReference<>();
        systemTasks.runAsAccount(account, () -> report.set(reports.report(patientId, from, to)));
        return report.get();
    }

    private DateRange defaultRangeAs(String account, long patientId) {
        AtomicReference<DateRange> range = new AtomicReference<>();
        systemTasks.runAsAccount(account, () -> range.set(reports.defaultRange(patientId)));
        return range.get();
    }

    @Test
    void every_demo_patient_has_a_report_over_their_whole_programme_for_their_physio() {
        DEMO.forEach((patient, physio) -> {
            long id = ids.idOf(patient);
            DateRange range = defaultRangeAs(physio, id);
            assertThat(range.to()).isEqualTo(clinic.today());
            Report report = reportAs(physio, id, range.from(), range.to());
            assertThat(report.emptyDiary()).as(patient).isFalse();
            assertThat(report.planVersions()).as(patient).isNotEmpty();
            assertThat(report.progress().weeks()).as(patient).isNotEmpty();
            assertThat(report.overall().recordedNights()).as(patient).isPositive();
            assertThat(report.forPatient()).isFalse();
            assertThat(report.patient().physioName()).isNotBlank();
        });
    }

    @Test
    void margarets_report_sets_baseline_against_now_in_the_trials_units() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        DateRange range = defaultRangeAs(Demo.PATIENT1, patient1);
        Report report = reportAs(Demo.PATIENT1, patient1, range.from(), range.to());

        assertThat(report.forPatient()).isTrue();
        assertThat(report.patient().displayName()).isEqualTo("Margaret Ellis");
        assertThat(report.baseline()).isNotNull();
        assertThat(report.now()).isNotNull();
        assertThat(report.baseline().crampsPerRecordedNight()).as("the demo story: fewer cramps as she stretches")
                .isGreaterThan(report.now().crampsPerRecordedNight());
        assertThat(report.baseline().meanIntensity()).isBetween(0.0, 10.0);
        assertThat(report.baseline().shareOfNightsWoken()).isBetween(0.0, 1.0);
        assertThat(report.baseline().from()).isAfterOrEqualTo(range.from());
        assertThat(report.attended()).isNotEmpty();
        assertThat(report.notes()).as("a patient reads only notes shared with her")
                .allMatch(n -> n.sharedWithPatient());
        assertThat(report.progress().markers()).isNotEmpty();
    }

    @Test
    void a_shorter_range_narrows_every_figure_to_it() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        LocalDate to = clinic.today();
        LocalDate from = to.minusWeeks(3);
        Report report = reportAs(Demo.PHYSIO1, patient1, from, to);
        assertThat(report.progress().weeks()).hasSizeBetween(3, 5);
        assertThat(report.overall().from()).isEqualTo(from);
        assertThat(report.overall().recordedNights()).isLessThanOrEqualTo(22);
        assertThat(report.appointments()).allMatch(a -> !clinic.at(a.start()).toLocalDate().isBefore(from));
    }

    @Test
    void an_empty_diary_gives_a_report_that_says_so() {
        PlanFixtures.FreshPatient fresh = fixtures.newPatient();
        DateRange range = defaultRangeAs(fresh.email(), fresh.id());
        assertThat(range.from()).as("nothing recorded and no plan: from today").isEqualTo(clinic.today());
        Report report = reportAs(fresh.email(), fresh.id(), clinic.today().minusWeeks(2), clinic.today());
        assertThat(report.emptyDiary()).isTrue();
        assertThat(report.baseline()).isNull();
        assertThat(report.planVersions()).isEmpty();
    }

    @Test
    void dates_out_of_order_or_out_of_reach_are_refused_with_the_field_named() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        LocalDate today = clinic.today();
        systemTasks.runAsAccount(Demo.PATIENT1, () -> {
            assertThatThrownBy(() -> reports.report(patient1, today, today.minusDays(1)))
                    .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("from");
            assertThatThrownBy(() -> reports.report(patient1, today.minusDays(3), today.plusDays(1)))
                    .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("to");
            assertThatThrownBy(() -> reports.report(patient1, today.minusMonths(13), today))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("12 months");
        });
    }

    @Test
    void a_foreign_id_a_helper_and_an_admin_are_refused_and_each_refusal_is_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        LocalDate today = clinic.today();
        for (String outsider : List.of(Demo.PATIENT2, Demo.PHYSIO2, Demo.HELPER, Demo.ADMIN)) {
            int before = ids.auditCountForPatient(outsider, "ACCESS_DENIED", patient1);
            systemTasks.runAsAccount(outsider, () -> {
                assertThatThrownBy(() -> reports.report(patient1, today.minusWeeks(4), today)).as(outsider)
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> reports.defaultRange(patient1)).as(outsider)
                        .isInstanceOf(AccessDeniedException.class);
            });
            assertThat(ids.auditCountForPatient(outsider, "ACCESS_DENIED", patient1)).as(outsider)
                    .isEqualTo(before + 2);
        }
    }
}
