package app.physioportal.diary.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The patient's main action, made for a phone at night: tap how bad, tap where, Save. The Save button
 * stays at the bottom of the screen so the rest of the form is optional detail.
 */
@Route(QuickLogView.ROUTE)
@PageTitle("Log a cramp · Physio Portal")
@RolesAllowed({Role.PATIENT_ROLE, Role.HELPER_ROLE})
public class QuickLogView extends Main implements BeforeEnterObserver {

    /**
     * Other pages go here by this route, a constant the compiler copies into them, never by this class: a page whose
     * code names this class carries its fields in its own first load (FirstLoadTest).
     */
    public static final String ROUTE = "diary/log";

    /** The query parameter a client may bring its own save key in (a UUID): {@code diary/log?save=...}. */
    public static final String SAVE_KEY_PARAMETER = "save";

    private final Clinic clinic;
    private @Nullable CrampForm form;

    public QuickLogView(DiaryService diary, Nights nights, ActingFor actingFor, Clock clock, Clinic clinic) {
        this.clinic = clinic;
        addClassNames("page", "quick-log");
        setId("quick-log-view");
        // Arriving from a long diary list, start at the top, not where the list was scrolled to.
        addAttachListener(e -> getElement().executeJs("this.scrollIntoView({block: 'start'})"));
        ActingFor.Subject subject = actingFor.requireSubject();
        long patientId = subject.patientId();
        if (!subject.mayRecord()) {
            add(new ViewHeader("Log a cramp", null), viewOnly(subject));
            return;
        }
        CrampForm form = new CrampForm(clock, nights.zone());
        form.startNew();
        this.form = form;

        Button save = new Button("Save cramp", VaadinIcon.CHECK.create());
        save.setId("save-cramp");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClassName("save-button");
        save.addClickListener(e -> form.validInput().ifPresent(input -> save(diary, nights, patientId, form, input)));
        Div bar = new Div(save);
        bar.addClassName("save-bar");

        add(new ViewHeader("Log a cramp", subject.isSelf() ? "How bad, where, then Save."
                : "For " + subject.name() + ": how bad, where, then Save."), form, bar);
    }

    /**
     * A client that sends the same cramp again after losing the answer (a load generator, the fault bench, a page
     * opened again after the server restarted) brings the key it used before: the save then finds the entry instead
     * of adding a second. Anything that is not a UUID is ignored and the form keeps its own new key.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (form == null) {
            return;
        }
        event.getLocation().getQueryParameters().getSingleParameter(SAVE_KEY_PARAMETER).flatMap(QuickLogView::uuid)
                .ifPresent(form::useSaveKey);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    /** A helper who may only view: what they can do instead, rather than a form that would be refused. */
    static Div viewOnly(ActingFor.Subject subject) {
        String first = Clinic.firstName(subject.name());
        Paragraph text = new Paragraph("You can see " + first + "'s diary but not record in it. " + first
                + " can let you record under My helpers.");
        Anchor diary = new Anchor(DiaryView.ROUTE, "Open " + first + "'s diary");
        diary.addClassName("button-link");
        Div card = new Div(text, diary);
        card.addClassName("card");
        card.setId("view-only-notice");
        return card;
    }

    private void save(DiaryService diary, Nights nights, long patientId, CrampForm form, CrampInput input) {
        try {
            // Under the form's key: pressed again before the person has seen "saved", this finds the first save.
            diary.logCramp(patientId, form.saveKey(), input);
        } catch (RuntimeException refusal) {
            if (form.showRefusal(refusal)) {
                return;
            }
            throw refusal;
        }
        Notification.show("Cramp saved for the night of " + DiaryText.night(nights.nightOf(input.occurredAt()), clinic),
                4000, Notification.Position.BOTTOM_CENTER).setId("saved-notice");
        getUI().ifPresent(ui -> ui.navigate(DiaryView.ROUTE));
    }
}
