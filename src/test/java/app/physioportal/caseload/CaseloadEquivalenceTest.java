package app.physioportal.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.booking.BookingOverview;
import app.physioportal.caseload.CaseloadService.CaseloadRow;
import app.physioportal.caseload.CaseloadService.Trend;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.messages.MessageService;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.PlanOverview;
import app.physioportal.progress.ProgressFixtures;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The caseload whose windows the database sums (issue 18) equals the old one, which read each patient's recorded
 * nights one by one and counted the windows in Java ({@link ReferenceCaseload}, the old code kept as it was): row for
 * row, on both demo physios and on a physio whose patients have generated diaries with gaps (nothing at all, only
 * cramp-free nights, a first night inside the recent window, a diary that stopped weeks ago, nights tonight, a
 * few nights in a window, and about two months of irregular nights).
 */
@PortalTest
class CaseloadEquivalenceTest {

    @Autowired
    CaseloadService caseload;

    @Autowired
    PatientService patientService;

    @Autowired
    AdherenceService adherence;

    @Autowired
    PlanOverview planOverview;

    @Autowired
    BookingOverview bookingOverview;

    @Autowired
    Clinic clinic;

    @Autowired
    MessageService messages;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    ProgressFixtures fixtures;

    @Autowired
    PlanFixtures plans;

    @Autowired
    DiaryService diary;

    @Autowired
    Clock clock;

    ReferenceCaseload reference;

    @BeforeEach
    void referenceImplementation() {
        reference = new ReferenceCaseload(patientService, adherence, planOverview, bookingOverview, clinic, messages,
                jdbc);
    }

    private <T> T as(String email, Supplier<T> work) {
        List<T> result = new ArrayList<>();
        systemTasks.runAsAccount(email, () -> result.add(work.get()));
        return result.getFirst();
    }

    private List<CaseloadRow> assertSameAsReference(String physio) {
        List<CaseloadRow> expected;
        List<CaseloadRow> actual;
        LocalDate day;
        do { // both on the same day: a run across midnight compares again
            day = clinic.today();
            expected = as(physio, reference::myCaseload);
            actual = as(physio, caseload::myCaseload);
        } while (!day.equals(clinic.today()));
        assertThat(actual).as(physio).containsExactlyElementsOf(expected);
        return actual;
    }

    @Test
    void the_demo_physios_get_the_same_caseload() {
        List<CaseloadRow> rows = new ArrayList<>(assertSameAsReference(Demo.PHYSIO1));
        rows.addAll(assertSameAsReference(Demo.PHYSIO2));
        assertThat(rows).extracting(CaseloadRow::trend).as("the demo stories cover the trends")
                .contains(Trend.IMPROVING, Trend.BASELINE_ONLY);
    }

    @Test
    void generated_diaries_with_gaps_get_the_same_caseload() {
        LocalDate lastNight = fixtures.lastNight();
        FreshPatient nothing = fixtures.newPatient();
        FreshPatient onlyCrampFree = fixtures.newPatient();
        fixtures.record(onlyCrampFree, ProgressFixtures.days(lastNight.minusDays(40), 30), 0, 0);
        FreshPatient newcomer = fixtures.newPatient();
        fixtures.record(newcomer, ProgressFixtures.days(lastNight.minusDays(5), 5), 2, 5);
        FreshPatient stopped = fixtures.newPatient();
        fixtures.record(stopped, ProgressFixtures.days(lastNight.minusDays(80), 30), 3, 6);
        FreshPatient fewNights = fixtures.newPatient();
        fixtures.record(fewNights, ProgressFixtures.days(lastNight.minusDays(60), 3), 1, 4);
        fixtures.record(fewNights, ProgressFixtures.days(lastNight.minusDays(10), 3), 2, 4);
        FreshPatient tonight = fixtures.newPatient();
        fixtures.record(tonight, ProgressFixtures.days(lastNight.minusDays(50), 20), 2, 6);
        fixtures.record(tonight, ProgressFixtures.days(lastNight.minusDays(13), 14), 1, 3);
        // A cramp of the night under way (after noon today it belongs to tonight); before noon, of last night.
        plans.as(tonight.email(), () -> diary.logCramp(tonight.id(),
                CrampInput.quick(clock.instant().minusSeconds(60), 2, CrampLocation.FOOT)));
        SplittableRandom random = new SplittableRandom(18);
        for (int p = 0; p < 4; p++) {
            FreshPatient irregular = fixtures.newPatient();
            for (LocalDate night = lastNight.minusDays(70); !night.isAfter(lastNight); night = night.plusDays(1)) {
                int roll = random.nextInt(10);
                if (roll >= 4) {
                    fixtures.record(irregular, List.of(night), roll - 4, 1 + random.nextInt(10));
                }
            }
            if (p % 2 == 0) {
                fixtures.startPlan(irregular, lastNight.minusDays(30));
            }
        }

        List<CaseloadRow> rows = assertSameAsReference(PlanFixtures.PHYSIO);
        assertThat(rows).extracting(CaseloadRow::patientId).contains(nothing.id(), onlyCrampFree.id(),
                newcomer.id(), stopped.id(), fewNights.id(), tonight.id());
        assertThat(rows).extracting(CaseloadRow::trend).as("the generated diaries cover the trends")
                .contains(Trend.NOT_ENOUGH_DATA, Trend.BASELINE_ONLY);
        assertThat(rows).filteredOn(r -> r.patientId() == nothing.id()).extracting(CaseloadRow::lastRecordedNight)
                .containsOnlyNulls();
    }
}
