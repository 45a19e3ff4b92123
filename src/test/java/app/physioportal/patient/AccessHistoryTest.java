package app.physioportal.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.diary.DiaryService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.security.SignInSteps;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import app.physioportal.patient.ui.AccessHistoryView;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** "Who has seen my record": the patient sees each opening by others, in words, newest first, paged. */
@PortalTest
class AccessHistoryTest extends SpringBrowserlessTest {

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    DiaryService diary;

    @Autowired
    AccessHistory history;

    @Autowired
    SignInSteps steps;

    @AfterEach
    void forget() {
        steps.forget();
    }

    @Test
    void the_patient_sees_who_opened_what_and_who_was_refused_but_not_their_own_visits() {
        var patient = fixtures.newPatient();
        LocalDate today = LocalDate.now();
        fixtures.as(patient.email(), () -> diary.listNights(patient.id(), today.minusDays(7), today));
        fixtures.as(PlanFixtures.PHYSIO, () -> diary.listNights(patient.id(), today.minusDays(7), today));
        assertThatThrownBy(() -> fixtures.as(Demo.PHYSIO2,
                () -> diary.listNights(patient.id(), today.minusDays(7), today)))
                .isInstanceOf(AccessDeniedException.class);

        var seen = fixtures.as(patient.email(), () -> history.ofMyRecord(patient.id(), 0));

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).who()).isEqualTo("Tom Becker");
        assertThat(seen.get(0).role()).isEqualTo("physio");
        assertThat(seen.get(0).what()).isEqualTo("tried to open your cramp diary and was refused");
        assertThat(seen.get(0).refused()).isTrue();
        assertThat(seen.get(1).who()).isEqualTo("Fixture Physio");
        assertThat(seen.get(1).what()).isEqualTo("opened your cramp diary");
        assertThat(seen.get(2).who()).as("the admin who created the patient").isEqualTo("Physio Portal");
        assertThat(seen.get(2).what()).isEqualTo("assigned you to a physio");
    }

    @Test
    void nobody_else_reads_a_patients_history() {
        var patient = fixtures.newPatient();
        var other = fixtures.newPatient();
        assertThatThrownBy(() -> fixtures.as(other.email(), () -> history.ofMyRecord(patient.id(), 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(PlanFixtures.PHYSIO, () -> history.ofMyRecord(patient.id(), 0)))
                .as("not even their physio").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithAnonymousUser
    void the_page_shows_25_at_a_time_newest_first_with_older_ones_on_request() {
        var patient = fixtures.newPatient();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 30; i++) {
            fixtures.as(PlanFixtures.PHYSIO, () -> diary.listNights(patient.id(), today.minusDays(7), today));
        }
        steps.signedIn(patient.email());
        navigate(AccessHistoryView.class);
        Div list = find(Div.class).id("access-list");
        assertThat(list.getChildren().count()).as("25 openings in a row: one line").isOne();
        assertThat(list.getChildren().findFirst().orElseThrow().getElement().getTextRecursively())
                .contains("Fixture Physio (physio)", "opened your cramp diary (25 times)");

        Button older = find(Button.class).id("access-older");
        test(older).click();
        assertThat(list.getChildren().count()).as("the next page: 5 more openings, and the assignment").isEqualTo(3);
        assertThat(list.getElement().getTextRecursively()).contains("(5 times)", "assigned you to a physio");
        assertThat(older.isVisible()).as("nothing older").isFalse();
    }
}
