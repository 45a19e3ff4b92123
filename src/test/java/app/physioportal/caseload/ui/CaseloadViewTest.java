package app.physioportal.caseload.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.shell.ui.AccessDeniedView;
import app.physioportal.shell.ui.NotFoundView;
import app.physioportal.notes.ui.ClinicalNotesPanel;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.component.virtuallist.VirtualListTester;
import app.physioportal.caseload.CaseloadService.CaseloadRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class CaseloadViewTest extends SpringBrowserlessTest {

    @Autowired
    DemoIds ids;

    @SuppressWarnings("unchecked")
    private VirtualListTester<VirtualList<CaseloadRow>, CaseloadRow> list() {
        return test((VirtualList<CaseloadRow>) find(VirtualList.class).id("caseload-list"));
    }

    /** The names on the cards, in order, as the card template shows them. */
    private java.util.List<String> names() {
        var list = list();
        return java.util.stream.IntStream.range(0, list.size())
                .mapToObj(i -> list.getLitRendererPropertyValue(i, "name", String.class)).toList();
    }

    private int indexOf(long patientId) {
        var list = list();
        return java.util.stream.IntStream.range(0, list.size()).filter(i -> list.getItem(i).patientId() == patientId)
                .findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void physio1_sees_their_patients_with_who_needs_attention_first() {
        navigate(CaseloadView.class);
        assertThat(names()).contains("David Chen", "Linda Park", "Margaret Ellis", "Robert Hughes")
                .doesNotContain("George Adeyemi", "Susan Clarke");
        assertThat(names().indexOf("Robert Hughes")).isLessThan(names().indexOf("Margaret Ellis"));
        int robert = indexOf(ids.idOf(Demo.PATIENT3));
        assertThat(list().getLitRendererPropertyValue(robert, "attention", Boolean.class)).isTrue();
        assertThat(list().getLitRendererPropertyValue(robert, "trend", String.class)).isNotBlank();
        assertThat(list().getLitRendererPropertyValue(robert, "last", String.class)).isNotBlank();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void each_card_is_drawn_from_the_template_with_links_to_the_patient_and_only_text_interpolated() {
        navigate(CaseloadView.class);
        // The template names the patient's page and the messages tab; Lit writes every value as text.
        assertThat(CaseloadView.CARD).contains("href=\"patients/${item.id}\" router-link",
                "href=\"patients/${item.id}?tab=messages\" router-link", "id=\"caseload-row-${item.id}\"");
        assertThat(CaseloadView.CARD).doesNotContain("unsafeHTML", ".innerHTML");
        int margaret = indexOf(ids.idOf(Demo.PATIENT1));
        assertThat(list().getLitRendererPropertyValue(margaret, "plan", String.class)).matches("v\\d+ since .+");
        assertThat(list().getLitRendererPropertyValue(margaret, "exercises", String.class)).matches("\\d+%");
        assertThat(list().getLitRendererPropertyValue(margaret, "unread", Integer.class)).isGreaterThanOrEqualTo(0);
        // Margaret's baseline and now: the numbers as data, the arrow between them in the template.
        assertThat(list().getLitRendererPropertyValue(margaret, "crampsFrom", String.class)).matches("\\d+\\.\\d");
        assertThat(list().getLitRendererPropertyValue(margaret, "crampsTo", String.class)).matches("\\d+\\.\\d");
        assertThat(list().getLitRendererPropertyValue(margaret, "cramps", String.class)).isEmpty();
        assertThat(CaseloadView.CARD).contains("item.crampsFrom + ' → ' + item.crampsTo");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_filter_that_matches_nobody_says_so() {
        navigate(CaseloadView.class);
        int all = names().size();
        test(find(TextField.class).id("caseload-filter")).setValue("zzz");
        assertThat(find(Paragraph.class).id("caseload-empty").getText()).isEqualTo("No patient matches \"zzz\".");
        assertThat(find(VirtualList.class).withId("caseload-list").exists()).as("hidden").isFalse();
        test(find(TextField.class).id("caseload-filter")).setValue("");
        assertThat(find(Paragraph.class).withId("caseload-empty").exists()).as("hidden").isFalse();
        assertThat(names()).hasSize(all);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void filtering_by_name() {
        navigate(CaseloadView.class);
        test(find(TextField.class).id("caseload-filter")).setValue("marg");
        assertThat(names()).containsExactly("Margaret Ellis");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void the_patient_page_shows_the_header_medication_flag_and_tabs() {
        long susan = ids.idOf(Demo.PATIENT6);
        navigate("patients/" + susan, PatientView.class);
        assertThat(find(H2.class).first().getText()).isEqualTo("Susan Clarke");
        assertThat(find(Span.class).id("medication-flag").getText()).contains("statin");
        TabSheet tabs = find(TabSheet.class).id("patient-tabs");
        assertThat(tabs.getTabCount()).isEqualTo(6);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void the_physio_adds_a_clinical_note_from_the_patient_page() {
        long george = ids.idOf(Demo.PATIENT5);
        navigate("patients/" + george, PatientView.class);
        find(TabSheet.class).id("patient-tabs").setSelectedIndex(4);
        test(find(TextArea.class).id("note-body")).setValue("Baseline fortnight done; start bedtime stretches.");
        test(find(Button.class).id("add-note")).click();
        Div notes = find(Div.class).id("notes-list");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class, notes).withText(
                "Baseline fortnight done; start bedtime stretches.").exists()).isTrue();
        assertThat(find(ClinicalNotesPanel.class).exists()).isTrue();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_patients_page_is_refused_and_audited() {
        long margaret = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", margaret);
        navigate("patients/" + margaret, AccessDeniedView.class);
        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", margaret)).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_opens_neither_caseload_nor_patient_pages() {
        navigate("caseload", NotFoundView.class);
        navigate("patients/" + ids.idOf(Demo.PATIENT1), NotFoundView.class);
    }
}
