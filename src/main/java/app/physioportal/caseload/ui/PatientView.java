package app.physioportal.caseload.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.RouteIds;
import app.physioportal.security.Helpers;
import app.physioportal.base.ui.TextLimit;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.ui.PatientAppointments;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.diary.ui.NightList;
import app.physioportal.messages.MessageService;
import app.physioportal.messages.MessageSignals;
import app.physioportal.messages.Topics;
import app.physioportal.messages.ui.ConversationPanel;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.notes.ui.ClinicalNotesPanel;
import app.physioportal.plan.PlanService;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import app.physioportal.progress.ProgressService;
import app.physioportal.records.FhirExportService;
import app.physioportal.records.ui.FhirDownload;
import app.physioportal.progress.ui.ProgressPanel;
import app.physioportal.plan.ui.PlanEditorView;
import app.physioportal.patient.PatientProfile;
import app.physioportal.patient.PatientService;
import app.physioportal.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.HashMap;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/** Everything about one assigned patient: progress, diary, plan, appointments and clinical notes. */
@Route("patients/:patientId")
@RolesAllowed(Role.PHYSIO_ROLE)
public class PatientView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PatientService patients;
    private final DiaryService diary;
    private final Nights nights;
    private final PlanService plans;
    private final ClinicalNoteService notes;
    private final BookingService booking;
    private final ProgressService progress;
    private final Clock clock;
    private final Clinic clinic;
    private final ReminderSettingsService reminders;
    private final MessageService messages;
    private final MessageSignals signals;
    private final Topics topics;
    private final Helpers helpers;
    private final FhirExportService fhir;
    private String title = "Patient · Physio Portal";

    public PatientView(PatientService patients, DiaryService diary, Nights nights, PlanService plans,
            ClinicalNoteService notes, BookingService booking, ProgressService progress, Clock clock,
            Clinic clinic, ReminderSettingsService reminders, MessageService messages, MessageSignals signals,
            Topics topics, Helpers helpers, FhirExportService fhir) {
        this.helpers = helpers;
        this.fhir = fhir;
        this.reminders = reminders;
        this.messages = messages;
        this.signals = signals;
        this.topics = topics;
        this.booking = booking;
        this.progress = progress;
        this.patients = patients;
        this.diary = diary;
        this.nights = nights;
        this.plans = plans;
        this.notes = notes;
        this.clock = clock;
        this.clinic = clinic;
        addClassName("page");
        setId("patient-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long patientId = RouteIds.require(event, "patientId");
        // Refuses an unassigned patient (AccessDeniedException -> the access-denied page, audited).
        PatientProfile profile = patients.patientProfile(patientId);
        title = profile.displayName() + " · Physio Portal";
        removeAll();
        add(header(profile));

        TabSheet tabs = new TabSheet();
        tabs.setId("patient-tabs");
        tabs.setWidthFull();
        Map<String, Tab> byName = new HashMap<>();
        byName.put("progress", tabs.add("Progress", new ProgressPanel(patientId, progress, clinic)));
        byName.put("diary", tabs.add("Diary", new NightList(diary, nights, clinic, clock, patientId, true)));
        byName.put("plan", tabs.add("Plan", planTab(patientId)));
        byName.put("appointments", tabs.add("Appointments",
                new PatientAppointments(booking, clinic, clock, patientId, true)));
        byName.put("notes", tabs.add("Notes", new ClinicalNotesPanel(notes, patientId, true, clinic)));
        // Opening the conversation marks the patient's messages read: it is built when the physio opens the tab.
        int unread = messages.unreadFromPatients(List.of(patientId)).getOrDefault(patientId, 0);
        Div conversation = new Div();
        conversation.setId("messages-tab");
        Tab messagesTab = tabs.add(unread == 0 ? "Messages" : "Messages (" + unread + " unread)", conversation);
        messagesTab.setId("messages-tab-button");
        byName.put("messages", messagesTab);
        tabs.addSelectedChangeListener(change -> {
            if (change.getSelectedTab() == messagesTab && conversation.getComponentCount() == 0) {
                conversation.add(new ConversationPanel(messages, signals, topics, clinic, patientId, true, null));
                messagesTab.setLabel("Messages");
            }
        });
        add(tabs);
        event.getLocation().getQueryParameters().getSingleParameter("tab").map(byName::get)
                .ifPresent(tabs::setSelectedTab);
    }

    private Component header(PatientProfile profile) {
        LocalDate today = clinic.today();
        H2 name = new H2(profile.displayName());
        name.addClassName("view-title");
        Integer age = profile.ageOn(today);
        Paragraph facts = new Paragraph((age == null ? "" : age + " years · ") + profile.email()
                + " · with you since " + clinic.date(profile.assignedSince()));
        facts.addClassName("view-subtitle");
        Paragraph reminderLine = new Paragraph(reminderSummary(reminders.of(profile.id())));
        reminderLine.setId("patient-reminders");
        reminderLine.addClassName("card-detail");

        TextField medications = new TextField("Cramp-related medicines");
        medications.setId("medications");
        medications.setPlaceholder("e.g. statin, diuretic");
        medications.setValue(profile.medications() == null ? "" : profile.medications());
        TextLimit.apply(medications, 300);
        medications.setHelperText("The clinic's guide names diuretics and statins as possible triggers.");
        Button save = new Button("Save", e -> {
            try {
                patients.updateMedications(profile.id(), medications.getValue());
                medications.setInvalid(false);
                Notification.show("Saved");
            } catch (InvalidInput problem) {
                FormErrors.show(problem, Map.of("medications", medications));
            }
        });
        save.setId("save-medications");
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div medicationRow = new Div(medications, save);
        medicationRow.addClassName("toolbar");
        medicationRow.addClassName("align-end");

        Div header = new Div(name, facts, reminderLine);
        List<Helpers.Helper> helping = helpers.helpersOf(profile.id());
        if (!helping.isEmpty()) {
            Paragraph helpedBy = new Paragraph("Helped on the portal by " + helping.stream()
                    .map(h -> h.label() + ", " + h.permission() + (h.invitationPending() ? " (invited)"
                            : " since " + clinic.date(clinic.at(h.since()))))
                    .collect(java.util.stream.Collectors.joining("; ")) + ". Entries they make show their name.");
            helpedBy.setId("patient-helpers");
            helpedBy.addClassName("card-detail");
            header.add(helpedBy);
        }
        header.addClassName("view-header");
        if (profile.medications() != null) {
            Span flag = new Span("Medication: " + profile.medications());
            flag.addClassName("medication-flag");
            flag.setId("medication-flag");
            header.add(flag);
        }
        header.add(medicationRow);
        Anchor report = new Anchor("patients/" + profile.id() + "/report", "Progress report (print or PDF)");
        report.setId("open-report");
        report.addClassName("button-link");
        Div records = new Div(report, new FhirDownload(fhir, profile.id(), "FHIR R4 (JSON)"));
        records.setId("patient-records");
        records.addClassName("toolbar");
        header.add(records);
        return header;
    }

    /** Read-only: what the patient chose to be reminded of (they change it themselves). */
    private String reminderSummary(ReminderSettings s) {
        List<String> on = new ArrayList<>();
        if (s.bedtimeReminder()) {
            on.add("bedtime " + s.bedtime().minusMinutes(s.minutesBefore()));
        }
        if (s.morningReminder()) {
            on.add("morning check-in " + s.morningTime());
        }
        if (s.appointmentReminders()) {
            on.add("appointments");
        }
        if (s.nudges()) {
            on.add("quiet-diary nudge");
        }
        String text = on.isEmpty() ? "Reminders: all off" : "Reminders on: " + String.join(", ", on);
        if (s.awayUntil() != null && !s.awayUntil().isBefore(clinic.today())) {
            text += " · away until " + clinic.date(s.awayUntil());
        }
        return text;
    }

    private Component planTab(long patientId) {
        Div tab = new Div();
        tab.addClassName("section");
        var current = plans.currentPlan(patientId);
        tab.add(new Paragraph(current.map(v -> "Version " + v.number() + ", effective from "
                + clinic.date(v.effectiveFrom()) + ": " + v.items().size() + " exercises. Reason: " + v.reason())
                .orElse("No plan yet.")));
        RouterLink edit = new RouterLink(current.isPresent() ? "Adjust the plan" : "Start a plan", PlanEditorView.class,
                new RouteParameters("patientId", String.valueOf(patientId)));
        edit.setId("edit-plan");
        edit.addClassName("card-link");
        tab.add(edit);
        return tab;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
