package app.physioportal.diary.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.DatabaseSwitch;
import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.today.ui.TodayView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
@WithUserDetails(Demo.PATIENT1)
class QuickLogViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoIds ids;

    @Autowired
    DatabaseSwitch database;

    int cramps() {
        return jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ?", Integer.class,
                ids.idOf(Demo.PATIENT1));
    }

    void tap(String id) {
        test(find(Button.class).id(id)).click();
    }

    @Test
    void three_taps_save_a_cramp_and_land_in_the_diary() {
        int before = cramps();
        navigate(QuickLogView.class);

        tap("intensity-6");
        tap("location-CALF");
        tap("save-cramp");

        assertThat(cramps()).isEqualTo(before + 1);
        assertThat(getCurrentView()).isInstanceOf(DiaryView.class);
        Integer intensity = jdbc.queryForObject("select intensity from cramp_entry where patient_id = ? "
                + "order by id desc limit 1", Integer.class, ids.idOf(Demo.PATIENT1));
        assertThat(intensity).isEqualTo(6);
    }

    @Test
    void the_log_a_cramp_button_in_the_top_bar_opens_the_quick_log_from_any_patient_page() {
        navigate(TodayView.class);
        tap("log-cramp-nav");
        assertThat(getCurrentView()).isInstanceOf(QuickLogView.class);
        assertThat(find(DateTimePicker.class).id("occurred-at").getValue()).as("defaults to now")
                .isCloseTo(LocalDateTime.now(ZoneId.of("Europe/London")),
                        new org.assertj.core.data.TemporalUnitWithinOffset(2, java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void without_a_place_nothing_is_saved_and_the_place_says_why() {
        int before = cramps();
        navigate(QuickLogView.class);
        tap("intensity-4");
        tap("save-cramp");

        ChipGroup<?> where = find(ChipGroup.class).id("location");
        assertThat(where.isInvalid()).isTrue();
        assertThat(where.getErrorMessage()).isEqualTo("Choose where the cramp was");
        assertThat(find(ScaleField.class).id("intensity").isInvalid()).isFalse();
        assertThat(cramps()).isEqualTo(before);
        assertThat(getCurrentView()).isInstanceOf(QuickLogView.class);
    }

    @Test
    void without_an_intensity_nothing_is_saved_and_the_scale_says_why() {
        int before = cramps();
        navigate(QuickLogView.class);
        tap("location-FOOT");
        tap("save-cramp");
        assertThat(find(ScaleField.class).id("intensity").getErrorMessage()).contains("0 to 10");
        assertThat(cramps()).isEqualTo(before);
    }

    @Test
    void a_time_in_the_future_is_refused_at_the_time_field() {
        int before = cramps();
        navigate(QuickLogView.class);
        find(DateTimePicker.class).id("occurred-at").setValue(LocalDateTime.now(ZoneId.of("Europe/London")).plusHours(2).withSecond(0).withNano(0));
        tap("intensity-5");
        tap("location-CALF");
        tap("save-cramp");

        DateTimePicker when = find(DateTimePicker.class).id("occurred-at");
        assertThat(when.isInvalid()).isTrue();
        assertThat(when.getErrorMessage()).contains("in the future");
        assertThat(cramps()).isEqualTo(before);
    }

    @Test
    void nonsense_minutes_and_an_over_long_note_are_refused_at_their_fields() {
        int before = cramps();
        navigate(QuickLogView.class);
        tap("intensity-5");
        tap("location-CALF");
        find(IntegerField.class).id("minutes").setValue(-3);
        find(TextArea.class).id("note").setValue("x".repeat(501));
        tap("save-cramp");

        assertThat(find(IntegerField.class).id("minutes").getErrorMessage()).isEqualTo("Enter minutes between 1 and 240");
        assertThat(find(TextArea.class).id("note").getErrorMessage()).contains("501 characters", "500 or fewer");
        assertThat(cramps()).isEqualTo(before);
    }

    @Test
    void a_pasted_note_over_the_limit_is_kept_whole_and_the_field_says_by_how_much() {
        navigate(QuickLogView.class);
        TextArea note = find(TextArea.class).id("note");
        assertThat(note.getElement().hasProperty("maxlength")).as("no maxlength to cut a paste short").isFalse();
        assertThat(note.getHelperText()).isEqualTo("0 of 500 characters");

        String pasted = "Woke at 3 with the left calf locked. ".repeat(17);
        test(note).setValue(pasted);

        assertThat(note.getValue()).isEqualTo(pasted);
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).contains(pasted.length() + " characters", "Nothing has been cut");
        test(note).setValue(pasted.substring(0, 480));
        assertThat(note.isInvalid()).isFalse();
        assertThat(note.getHelperText()).isEqualTo("480 of 500 characters");
    }

    @Test
    void all_details_are_saved_and_minutes_choose_the_duration_chip() {
        navigate(QuickLogView.class);
        tap("intensity-8");
        tap("location-THIGH_HAMSTRING");
        tap("side-BOTH");
        find(IntegerField.class).id("minutes").setValue(7);
        assertThat(find(Button.class).id("duration-FIVE_TO_10").getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        tap("trigger-DEHYDRATION");
        tap("trigger-PROLONGED_SITTING");
        tap("relief-MASSAGE");
        test(find(TextArea.class).id("note")).setValue("<script>alert(1)</script> after gardening");
        tap("save-cramp");

        var row = jdbc.queryForMap("select * from cramp_entry where patient_id = ? order by id desc limit 1",
                ids.idOf(Demo.PATIENT1));
        assertThat(row.get("intensity")).isEqualTo(8);
        assertThat(row.get("location")).isEqualTo("THIGH_HAMSTRING");
        assertThat(row.get("side")).isEqualTo("BOTH");
        assertThat(row.get("duration")).isEqualTo("FIVE_TO_10");
        assertThat(row.get("duration_minutes")).isEqualTo(7);
        assertThat(row.get("triggers")).isEqualTo("DEHYDRATION,PROLONGED_SITTING");
        assertThat(row.get("relief")).isEqualTo("MASSAGE");
        assertThat(row.get("note")).isEqualTo("<script>alert(1)</script> after gardening");
    }

    @Test
    void save_pressed_again_after_an_answer_that_never_came_gives_one_entry() {
        int before = cramps();
        navigate(QuickLogView.class);
        tap("intensity-7");
        tap("location-FOOT");
        test(find(TextArea.class).id("note")).setValue("pressed Save twice");
        String key = find(CrampForm.class).first().getElement().getAttribute("data-save-key");

        // The first Save is committed, but the answer is lost on the way back: the person sees no "saved".
        database.loseNextCommitAnswer();
        try {
            assertThatThrownBy(() -> tap("save-cramp")).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        } finally {
            database.up();
        }
        assertThat(getCurrentView()).isInstanceOf(QuickLogView.class);
        assertThat(cramps()).as("the first save is in the database").isEqualTo(before + 1);
        assertThat(find(CrampForm.class).first().getElement().getAttribute("data-save-key"))
                .as("the form keeps its key until a save is confirmed").isEqualTo(key);

        tap("save-cramp");

        assertThat(cramps()).as("pressed again: still one").isEqualTo(before + 1);
        assertThat(getCurrentView()).isInstanceOf(DiaryView.class);
        assertThat(jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ? and save_key = ?",
                Integer.class, ids.idOf(Demo.PATIENT1), key)).isEqualTo(1);
    }

    @Test
    void a_save_key_brought_in_the_address_is_the_forms_key_and_nonsense_is_ignored() {
        String key = java.util.UUID.randomUUID().toString();
        UI.getCurrent().navigate(QuickLogView.ROUTE, QueryParameters.of(QuickLogView.SAVE_KEY_PARAMETER, key));
        assertThat(getCurrentView()).isInstanceOf(QuickLogView.class);
        assertThat(find(CrampForm.class).first().getElement().getAttribute("data-save-key")).isEqualTo(key);

        navigate(TodayView.class);
        UI.getCurrent().navigate(QuickLogView.ROUTE, QueryParameters.of(QuickLogView.SAVE_KEY_PARAMETER, "not-a-key"));
        String own = find(CrampForm.class).first().getElement().getAttribute("data-save-key");
        assertThat(own).isNotIn("not-a-key", key);
        assertThat(java.util.UUID.fromString(own)).isNotNull();
    }
}
