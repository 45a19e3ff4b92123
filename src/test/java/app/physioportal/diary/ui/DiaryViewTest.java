package app.physioportal.diary.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightStatus;
import app.physioportal.diary.Nights;
import app.physioportal.today.ui.TodayView;
import app.physioportal.security.SystemTasks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class DiaryViewTest extends SpringBrowserlessTest {

    @Autowired
    DiaryService diary;

    @Autowired
    Nights nights;

    @Autowired
    app.physioportal.clinic.Clinic clinic;

    @Autowired
    Clock clock;

    @Autowired
    DemoIds ids;

    @Autowired
    SystemTasks systemTasks;

    private long logAsPatient1(int nightsAgo, String note) {
        LocalDate night = nights.lastNight(clock).minusDays(nightsAgo);
        return diary.logCramp(ids.idOf(Demo.PATIENT1), new CrampInput(
                night.plusDays(1).atTime(LocalTime.of(3, 0)).atZone(nights.zone()).toInstant(), 5, null, null,
                CrampLocation.CALF, null, true, null, null, note));
    }

    private List<String> nightCardIds() {
        return find(Div.class).withClassName("night-card").all().stream()
                .map(card -> card.getId().orElseThrow()).toList();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void lists_a_week_of_nights_newest_first_and_a_week_more_on_request() {
        navigate(DiaryView.class);
        LocalDate last = nights.currentNight(clock);
        List<String> cards = nightCardIds();
        assertThat(cards).hasSize(7);
        assertThat(cards.getFirst()).isEqualTo("night-" + last);
        assertThat(cards.getLast()).isEqualTo("night-" + last.minusDays(6));

        test(find(Button.class).id("nights-more")).click();
        assertThat(nightCardIds()).hasSize(14).last().isEqualTo("night-" + last.minusDays(13));
        test(find(Button.class).id("nights-more")).click();
        assertThat(nightCardIds()).hasSize(21).doesNotHaveDuplicates().last().isEqualTo("night-" + last.minusDays(20));
    }

    /** Opens the card of the night {@code nightsAgo} before last night, showing "Show earlier nights" as needed. */
    private void openDetails(int nightsAgo) {
        LocalDate night = nights.lastNight(clock).minusDays(nightsAgo);
        while (find(Button.class).withId("night-details-" + night).all().isEmpty()) {
            test(find(Button.class).id("nights-more")).click();
        }
        test(find(Button.class).id("night-details-" + night)).click();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_cards_details_and_actions_are_built_only_when_opened() {
        long id = logAsPatient1(2, "Ate late");
        navigate(DiaryView.class);
        LocalDate night = nights.lastNight(clock).minusDays(2);
        Div card = find(Div.class).id("night-" + night);
        assertThat(card.getElement().getTextRecursively()).as("the one-line summary is there before opening")
                .contains("03:00 · Calf · 5/10");
        assertThat(find(Button.class).withId("edit-cramp-" + id).all()).as("not built before opening").isEmpty();
        assertThat(find(Paragraph.class).withClassName("cramp-note").all()).isEmpty();
        Button toggle = find(Button.class).id("night-details-" + night);
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");

        test(toggle).click();
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(toggle.getText()).isEqualTo("Hide details");
        assertThat(find(Button.class).withId("edit-cramp-" + id).all()).hasSize(1);
        assertThat(find(Paragraph.class).withClassName("cramp-note").all()).extracting(Paragraph::getText)
                .contains("Ate late");

        test(toggle).click();
        assertThat(find(Button.class).withId("edit-cramp-" + id).all()).as("dropped again when closed").isEmpty();
        assertThat(toggle.getText()).isEqualTo("Details");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_note_with_markup_is_shown_as_plain_text() {
        String note = "<img src=x onerror=alert(1)> <b>bold?</b>";
        logAsPatient1(12, note);
        navigate(DiaryView.class);
        openDetails(12);
        Paragraph shown = find(Paragraph.class).withClassName("cramp-note").all().stream()
                .filter(p -> p.getText().equals(note)).findFirst().orElseThrow();
        assertThat(shown.getElement().getChildCount()).isEqualTo(1);
        assertThat(shown.getElement().getChild(0).isTextNode()).as("one text node, no elements made from the note")
                .isTrue();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void deleting_asks_first_and_keep_it_keeps_it() {
        long patient = ids.idOf(Demo.PATIENT1);
        long id = logAsPatient1(15, null);
        int deletions = ids.auditCountForPatient(Demo.PATIENT1, "CRAMP_DELETED", patient);
        navigate(DiaryView.class);
        openDetails(15);

        test(find(Button.class).id("delete-cramp-" + id)).click();
        test(find(ConfirmDialog.class).id("confirm-delete")).cancel();
        assertThat(diary.cramp(patient, id)).isNotNull();

        test(find(Button.class).id("delete-cramp-" + id)).click();
        test(find(ConfirmDialog.class).id("confirm-delete")).confirm();
        assertThat(find(Button.class).withId("delete-cramp-" + id).all()).isEmpty();
        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "CRAMP_DELETED", patient)).isEqualTo(deletions + 1);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void edit_opens_the_cramp_and_saves_the_change() {
        long patient = ids.idOf(Demo.PATIENT1);
        long id = logAsPatient1(18, null);
        navigate(DiaryView.class);
        openDetails(18);

        test(find(Button.class).id("edit-cramp-" + id)).click();
        assertThat(getCurrentView()).isInstanceOf(EditCrampView.class);
        assertThat(find(Button.class).id("intensity-5").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        test(find(Button.class).id("intensity-2")).click();
        test(find(Button.class).id("location-FOOT")).click();
        test(find(Button.class).id("save-cramp")).click();

        assertThat(getCurrentView()).isInstanceOf(DiaryView.class);
        assertThat(diary.cramp(patient, id).intensity()).isEqualTo(2);
        assertThat(diary.cramp(patient, id).location()).isEqualTo(CrampLocation.FOOT);
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void another_patients_cramp_cannot_be_opened_for_editing() {
        long id = logAsPatient1Quietly();
        navigate("diary/entry/" + id, EditCrampView.class);
        assertThat(find(Button.class).withId("save-cramp").all()).isEmpty();
        assertThat(find(Paragraph.class).all()).anyMatch(p -> p.getText().contains("not in this diary"));
    }

    private long logAsPatient1Quietly() {
        long[] id = new long[1];
        systemTasks.runAsAccount(Demo.PATIENT1, () -> id[0] = logAsPatient1(19, null));
        return id[0];
    }

    /** patient4 stopped logging ten days ago, so last night is unrecorded and the check-in shows. */
    @Test
    @WithUserDetails(Demo.PATIENT4)
    void the_morning_check_in_offers_the_quick_log_or_records_a_cramp_free_night() {
        long patient4 = ids.idOf(Demo.PATIENT4);
        LocalDate last = nights.lastNight(clock);
        navigate(DiaryView.class);
        assertThat(find(Div.class).id("morning-check-in").isVisible()).isTrue();

        test(find(Button.class).id("checkin-had-cramps")).click();
        assertThat(getCurrentView()).isInstanceOf(QuickLogView.class);
        assertThat(diary.listNights(patient4, last, last).getFirst().status()).isEqualTo(NightStatus.NOT_RECORDED);

        navigate(DiaryView.class);
        test(find(Button.class).id("disturbance-3")).click();
        test(find(Button.class).id("checkin-no-cramps")).click();

        assertThat(find(Paragraph.class).id("check-in-thanks").getText()).contains("cramp-free");
        var night = diary.listNights(patient4, last, last).getFirst();
        assertThat(night.status()).isEqualTo(NightStatus.CRAMP_FREE);
        assertThat(night.sleepDisturbance()).isEqualTo(3);
        assertThat(find(Div.class).id("night-" + last).getClassNames()).contains("night-cramp-free");

        navigate(TodayView.class);
        navigate(DiaryView.class);
        assertThat(find(MorningCheckIn.class).all()).as("hidden once recorded").noneMatch(MorningCheckIn::isVisible);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_night_list_for_a_physio_is_read_only() {
        navigate(app.physioportal.caseload.ui.CaseloadView.class);
        UI.getCurrent().add(new NightList(diary, nights, clinic, clock, ids.idOf(Demo.PATIENT1), true));
        assertThat(nightCardIds()).hasSize(7);
        find(Button.class).all().stream().filter(b -> b.getId().orElse("").startsWith("night-details-"))
                .toList().forEach(b -> test(b).click());
        assertThat(find(Button.class).all()).extracting(b -> b.getId().orElse(""))
                .noneMatch(buttonId -> buttonId.startsWith("edit-") || buttonId.startsWith("delete-")
                        || buttonId.startsWith("mark-free-"));
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void staff_have_no_log_a_cramp_button_and_cannot_open_the_diary_pages() {
        navigate(app.physioportal.caseload.ui.CaseloadView.class);
        assertThat(find(Button.class).withId("log-cramp-nav").all()).isEmpty();
        navigate("diary", app.physioportal.shell.ui.NotFoundView.class);
        navigate("diary/log", app.physioportal.shell.ui.NotFoundView.class);
    }

    /** patient4's nights since they stopped logging are unrecorded. */
    @Test
    @WithUserDetails(Demo.PATIENT4)
    void an_unrecorded_night_can_be_marked_cramp_free_from_the_list() {
        long patient4 = ids.idOf(Demo.PATIENT4);
        LocalDate night = nights.lastNight(clock).minusDays(4);
        navigate(DiaryView.class);
        assertThat(find(Div.class).id("night-" + night).getClassNames()).contains("night-not-recorded");

        test(find(Button.class).id("mark-free-" + night)).click();

        assertThat(diary.listNights(patient4, night, night).getFirst().status()).isEqualTo(NightStatus.CRAMP_FREE);
        assertThat(find(Div.class).id("night-" + night).getClassNames()).contains("night-cramp-free");
        assertThat(find(Button.class).withId("mark-free-" + night).all()).isEmpty();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void the_log_a_cramp_button_is_in_the_top_bar_of_patient_pages() {
        navigate(TodayView.class);
        assertThat(find(Button.class).id("log-cramp-nav").getText()).isEqualTo("Log a cramp");
    }
}
