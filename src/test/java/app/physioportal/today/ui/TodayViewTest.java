package app.physioportal.today.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.ui.PlanHistoryView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class TodayViewTest extends SpringBrowserlessTest {

    @Autowired
    PlanService plans;

    @Autowired
    AdherenceService adherence;

    @Autowired
    ExerciseService exercises;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    app.physioportal.TestClock testClock;

    /**
     * Today looks different in the small hours (it asks "Woken by a cramp?"): these tests are about the daytime page,
     * so they run at 15:00 today, clinic time, whatever hour the suite runs at.
     */
    @org.junit.jupiter.api.BeforeEach
    void afternoon() {
        java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
        testClock.pin(java.time.LocalDate.now(london).atTime(15, 0).atZone(london).toInstant());
        // The test's UI opened the home page (Today) before this ran, at the real hour: leave it, so the test's
        // navigation builds a new Today at 15:00.
        com.vaadin.flow.component.UI.getCurrent().navigate("account");
    }

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        testClock.release();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void greets_the_patient_by_first_name_with_no_placeholder_left() {
        navigate(TodayView.class);
        assertThat(find(H2.class).first().getText()).endsWith(", Margaret");
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void asks_how_last_night_was_until_it_is_in_the_diary() {
        long patient2 = jdbc.queryForObject("select id from account where email = ?", Long.class, Demo.PATIENT2);
        jdbc.update("delete from cramp_entry where patient_id = ? and night_date >= ?", patient2,
                java.time.LocalDate.now().minusDays(1));
        jdbc.update("delete from night_check_in where patient_id = ? and night_date >= ?", patient2,
                java.time.LocalDate.now().minusDays(1));
        // The first navigation happened before the rows went; leave and come back for a fresh page.
        navigate(PlanHistoryView.class);
        navigate(TodayView.class);
        test(find(com.vaadin.flow.component.button.Button.class).id("checkin-no-cramps")).click();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("check-in-thanks").getText())
                .contains("cramp-free");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void shows_tonights_stretches_with_the_dose_in_words_and_instructions_on_tap() {
        navigate(TodayView.class);
        long calf = exercises.byCode("wall-calf-stretch").id();
        Div tonight = find(Div.class).id("tonight-items");
        assertThat(find(Div.class, tonight).withClassName("exercise-card").all()).hasSize(2);
        assertThat(find(Span.class).id("dosage-" + calf).getText()).isEqualTo("3 x 10 s hold, 10 s rest, both legs");
        Details instructions = find(Details.class).id("instructions-" + calf);
        assertThat(instructions.isOpened()).isFalse();
        assertThat(instructions.getContent()).as("built when first opened").isEmpty();
        instructions.setOpened(true);
        assertThat(find(ListItem.class, instructions).all()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(find(Div.class).id("week-adherence").getElement().getTextRecursively()).contains("%");
    }

    @Test
    @WithUserDetails(Demo.PATIENT5)
    void one_tap_marks_tonights_stretch_done_and_undo_takes_it_back() {
        long patient = ids.idOf(Demo.PATIENT5);
        long calf = exercises.byCode("wall-calf-stretch").id();
        adherence.undo(patient, calf);
        navigate(TodayView.class);
        Div tonight = find(Div.class).id("tonight-items");
        java.util.List<Div> othersBefore = find(Div.class, tonight).withClassName("exercise-card").all().stream()
                .filter(card -> !card.getId().orElseThrow().equals("item-" + calf)).toList();
        Div week = find(Div.class).id("week-adherence");

        test(find(Button.class).id("done-" + calf)).click();

        assertThat(ticksToday(patient, calf)).isEqualTo(1);
        // Only the ticked card is rebuilt: the other cards and the week's card are the same components as before.
        assertThat(find(Div.class, tonight).withClassName("exercise-card").all()).containsAll(othersBefore);
        assertThat(find(Div.class).id("week-adherence")).isSameAs(week);
        assertThat(week.getElement().getTextRecursively()).isEqualTo(
                adherence.today(patient).orElseThrow().thisWeek().percent() + "%of this week's exercises done so far");
        assertThat(find(Span.class).id("done-label-" + calf).getElement().getTextRecursively()).contains("Done tonight");
        IntegerField effort = find(IntegerField.class).id("effort-" + calf);
        test(effort).setValue(3);
        assertThat(jdbc.queryForObject("select effort from adherence_record where patient_id = ? and exercise_id = ? "
                + "and done_day = ?", Integer.class, patient, calf, plans.currentDay())).isEqualTo(3);
        // Out of range: refused at the field, nothing saved.
        effort.setValue(11);
        assertThat(effort.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select effort from adherence_record where patient_id = ? and exercise_id = ? "
                + "and done_day = ?", Integer.class, patient, calf, plans.currentDay())).isEqualTo(3);

        test(find(Button.class).id("undo-" + calf)).click();

        assertThat(ticksToday(patient, calf)).isZero();
        assertThat(find(Button.class).id("done-" + calf).isEnabled()).isTrue();
    }

    private int ticksToday(long patient, long exercise) {
        return jdbc.queryForObject("select count(*) from adherence_record where patient_id = ? and exercise_id = ? "
                + "and done_day = ?", Integer.class, patient, exercise, plans.currentDay());
    }

    @Test
    void greeting_follows_the_clinic_clock_and_in_the_small_hours_speaks_to_someone_woken_by_a_cramp() {
        assertThat(TodayView.title(0, "Ann")).isEqualTo("Woken by a cramp, Ann?");
        assertThat(TodayView.title(2, "Ann")).isEqualTo("Woken by a cramp, Ann?");
        assertThat(TodayView.subtitle(4)).contains("Log a cramp");
        assertThat(TodayView.title(5, "Ann")).isEqualTo("Good morning, Ann");
        assertThat(TodayView.subtitle(5)).contains("plan for tonight");
        assertThat(TodayView.title(13, "Ann")).isEqualTo("Good afternoon, Ann");
        assertThat(TodayView.title(21, "Ann")).isEqualTo("Good evening, Ann");
        assertThat(TodayView.title(23, "Ann")).isEqualTo("Good evening, Ann");
    }
}
