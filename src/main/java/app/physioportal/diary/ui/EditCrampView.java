package app.physioportal.diary.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CrampRecord;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Correcting one of the patient's own cramps. The change goes into the audit trail. */
@Route("diary/entry")
@PageTitle("Edit cramp · Physio Portal")
@RolesAllowed({Role.PATIENT_ROLE, Role.HELPER_ROLE})
public class EditCrampView extends Main implements HasUrlParameter<Long> {

    private final Clinic clinic;

    private final DiaryService diary;
    private final Nights nights;
    private final Clock clock;
    private final ActingFor.Subject subject;
    private final long patientId;

    public EditCrampView(DiaryService diary, Nights nights, ActingFor actingFor, Clock clock, Clinic clinic) {
        this.clinic = clinic;
        this.diary = diary;
        this.nights = nights;
        this.clock = clock;
        this.subject = actingFor.requireSubject();
        this.patientId = subject.patientId();
        addClassNames("page", "quick-log");
        setId("edit-cramp-view");
        // Arriving from a long diary list, start at the top, not where the list was scrolled to.
        addAttachListener(e -> getElement().executeJs("this.scrollIntoView({block: 'start'})"));
    }

    @Override
    public void setParameter(BeforeEvent event, Long crampId) {
        removeAll();
        if (!subject.mayRecord()) {
            add(new ViewHeader("Edit cramp", null), QuickLogView.viewOnly(subject));
            return;
        }
        CrampRecord cramp;
        try {
            cramp = diary.cramp(patientId, crampId);
        } catch (InvalidInput missing) {
            add(new ViewHeader("Edit cramp", null), new Paragraph(missing.getMessage()), backButton("Back to diary"));
            return;
        }
        CrampForm form = new CrampForm(clock, nights.zone());
        form.edit(cramp);
        Button save = new Button("Save changes");
        save.setId("save-cramp");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClassName("save-button");
        save.addClickListener(e -> form.validInput().ifPresent(input -> {
            try {
                diary.updateCramp(patientId, crampId, input);
            } catch (RuntimeException refusal) {
                if (form.showRefusal(refusal)) {
                    return;
                }
                throw refusal;
            }
            Notification.show("Changes saved", 3000, Notification.Position.BOTTOM_CENTER);
            getUI().ifPresent(ui -> ui.navigate(DiaryView.class));
        }));
        Div bar = new Div(backButton("Cancel"), save);
        bar.addClassName("save-bar");
        add(new ViewHeader("Edit cramp", "Night of " + DiaryText.night(cramp.night(), clinic)), form, bar);
    }

    private Button backButton(String text) {
        Button back = new Button(text, e -> getUI().ifPresent(ui -> ui.navigate(DiaryView.class)));
        back.setId("back-to-diary");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_LARGE);
        return back;
    }
}
