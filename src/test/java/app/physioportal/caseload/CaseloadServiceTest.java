package app.physioportal.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.caseload.CaseloadService.CaseloadRow;
import app.physioportal.caseload.CaseloadService.Trend;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class CaseloadServiceTest {

    @Autowired
    CaseloadService caseload;

    @Autowired
    app.physioportal.booking.BookingService booking;

    private static CaseloadRow rowOf(List<CaseloadRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_seeded_stories_show_on_the_caseload_with_the_non_improving_patient_first() {
        List<CaseloadRow> rows = caseload.myCaseload();

        CaseloadRow margaret = rowOf(rows, "Margaret Ellis");
        assertThat(margaret.trend()).isEqualTo(Trend.IMPROVING);
        assertThat(margaret.recentPerNight()).isLessThan(margaret.baselinePerNight() / 2);
        assertThat(margaret.adherencePercent()).isGreaterThan(70);
        assertThat(margaret.stale()).isFalse();

        CaseloadRow robert = rowOf(rows, "Robert Hughes");
        assertThat(robert.trend()).isIn(Trend.NO_CHANGE, Trend.WORSE);
        assertThat(robert.adherencePercent()).isLessThan(50);

        assertThat(margaret.nextAppointment()).as("an upcoming follow-up is booked").isNotNull();
        assertThat(margaret.planVersion()).isEqualTo(1);
        assertThat(rowOf(rows, "David Chen").planVersion()).as("progressed once").isEqualTo(2);

        CaseloadRow linda = rowOf(rows, "Linda Park");
        assertThat(linda.nextAppointment()).as("stopped logging, nothing booked").isNull();
        assertThat(linda.stale()).as("stopped logging 10 days ago").isTrue();
        assertThat(linda.lastRecordedNight()).isBefore(LocalDate.now().minusDays(9));

        List<String> order = rows.stream().map(CaseloadRow::name).toList();
        assertThat(order.indexOf("Robert Hughes")).isLessThan(order.indexOf("Margaret Ellis"));
        assertThat(order.indexOf("Linda Park")).isLessThan(order.indexOf("Margaret Ellis"));
        assertThat(order.subList(0, 2)).contains("Robert Hughes");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_grouped_next_visit_matches_the_booking_service_for_every_patient() {
        for (CaseloadRow row : caseload.myCaseload()) {
            assertThat(row.nextAppointment()).as(row.name()).isEqualTo(booking.nextAppointment(row.patientId())
                    .map(app.physioportal.booking.BookingService.AppointmentSummary::start).orElse(null));
        }
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void a_new_patient_shows_baseline_only_and_physio2_sees_only_their_own() {
        List<CaseloadRow> rows = caseload.myCaseload();
        assertThat(rows).extracting(CaseloadRow::name).contains("George Adeyemi", "Susan Clarke")
                .doesNotContain("Margaret Ellis", "Robert Hughes");
        assertThat(rowOf(rows, "George Adeyemi").trend()).isEqualTo(Trend.BASELINE_ONLY);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_has_no_caseload() {
        assertThatThrownBy(() -> caseload.myCaseload()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void missing_nights_are_not_counted_as_cramp_free() {
        // Two cramps on each of four recorded nights, then ten nights with no record at all: 8 over 4 nights.
        assertThat(CaseloadService.perNight(4, 8)).isEqualTo(2.0);
        assertThat(CaseloadService.perNight(3, 6)).as("three recorded nights are too few to say").isNull();
    }

    @Test
    void trend_needs_a_real_change() {
        assertThat(CaseloadService.trend(3.0, 0.8)).isEqualTo(Trend.IMPROVING);
        assertThat(CaseloadService.trend(2.5, 2.4)).isEqualTo(Trend.NO_CHANGE);
        assertThat(CaseloadService.trend(0.5, 0.7)).as("small absolute change").isEqualTo(Trend.NO_CHANGE);
        assertThat(CaseloadService.trend(1.0, 1.6)).isEqualTo(Trend.WORSE);
        assertThat(CaseloadService.trend(null, 1.6)).isEqualTo(Trend.NOT_ENOUGH_DATA);
    }
}
