package app.physioportal.diary.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CheckInInput;
import app.physioportal.diary.CrampRecord;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightSummary;
import app.physioportal.diary.Nights;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A patient's nights, newest first: with how many cramps, cramp-free, or not recorded. Read-only for a
 * physio's view of the diary; for the patient, each cramp can be edited or deleted and an unrecorded
 * night marked cramp-free. Shows a week at a time, "Show earlier nights" adds the week before.
 *
 * <p>Light per session (issue 18): a card holds its date, status and one line per cramp; what a cramp's line does
 * not say (triggers, what helped, the note) and the edit and delete buttons are built when the card's "Details" is
 * opened, and dropped again when it is closed.
 */
@NamedInterface("panels")
public class NightList extends Div {

    private static final int PAGE_NIGHTS = 7;

    private final DiaryService diary;
    private final Nights nights;
    private final Clinic clinic;
    private final Clock clock;
    private final long patientId;
    private final boolean readOnly;
    private final boolean askLinks;
    private final Div list = new Div();
    private final Button more = new Button("Show earlier nights");
    private LocalDate oldest;
    private Runnable onChange = () -> { };

    public NightList(DiaryService diary, Nights nights, Clinic clinic, Clock clock, long patientId,
            boolean readOnly) {
        this(diary, nights, clinic, clock, patientId, readOnly, !readOnly);
    }

    /** @param askLinks "Ask my physio about this night" on recorded nights (the patient themself, not a helper) */
    public NightList(DiaryService diary, Nights nights, Clinic clinic, Clock clock, long patientId,
            boolean readOnly, boolean askLinks) {
        this.askLinks = askLinks;
        this.clinic = clinic;
        this.diary = diary;
        this.nights = nights;
        this.clock = clock;
        this.patientId = patientId;
        this.readOnly = readOnly;
        setId("night-list");
        addClassName("night-list");
        list.addClassName("card-list");
        more.setId("nights-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> showMore());
        add(list, more);
        refresh();
    }

    /** Called after the patient changes something here, so a page can update its figures. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Reloads from the current night (where a cramp logged now goes) back to the oldest night shown so far. */
    public void refresh() {
        LocalDate last = nights.currentNight(clock);
        LocalDate from = oldest == null ? last.minusDays(PAGE_NIGHTS - 1L) : oldest;
        list.removeAll();
        oldest = from;
        LocalDate lastNight = nights.lastNight(clock);
        diary.listNights(patientId, from, last).forEach(night -> list.add(card(night, lastNight)));
    }

    private void showMore() {
        LocalDate to = oldest.minusDays(1);
        LocalDate from = to.minusDays(PAGE_NIGHTS - 1L);
        LocalDate lastNight = nights.lastNight(clock);
        diary.listNights(patientId, from, to).forEach(night -> list.add(card(night, lastNight)));
        oldest = from;
    }

    private Div card(NightSummary night, LocalDate lastNight) {
        Div card = new Div();
        card.setId("night-" + night.night());
        card.addClassNames("card", "night-card", "night-" + night.status().name().toLowerCase().replace('_', '-'));
        Span date = new Span(DiaryText.night(night.night(), clinic));
        date.addClassName("night-date");
        boolean tonight = night.night().isAfter(lastNight);
        Span status = new Span(tonight && !night.recorded() ? "Tonight" : DiaryText.status(night));
        status.addClassName("night-status");
        Div head = new Div(date, status);
        head.addClassName("night-head");
        card.add(head);
        if (night.sleepDisturbance() != null) {
            Span sleep = new Span("Sleep disturbance " + night.sleepDisturbance() + "/10");
            sleep.addClassName("night-sleep");
            card.add(sleep);
        }
        if (night.checkedInBy() != null) {
            Span by = new Span("Morning answer by " + night.checkedInBy());
            by.addClassName("logged-by");
            card.add(by);
        }
        Div cramps = new Div();
        cramps.addClassName("night-cramps");
        night.cramps().forEach(cramp -> cramps.add(crampLine(cramp)));
        if (!night.cramps().isEmpty()) {
            card.add(cramps);
        }
        if (hasDetails(night)) {
            card.add(detailsToggle(night, cramps));
        }
        if (!readOnly && !night.recorded() && !night.night().isAfter(lastNight)) {
            Button free = new Button("It was cramp-free", e -> markCrampFree(night.night()));
            free.setId("mark-free-" + night.night());
            free.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            card.add(free);
        }
        if (askLinks && night.recorded()) {
            // By route name: the diary knows nothing of the messages module.
            Anchor ask = new Anchor("messages?about=night:" + night.night(), "Ask my physio about this night");
            ask.addClassNames("card-link", "ask-physio");
            ask.setId("ask-about-night-" + night.night());
            card.add(ask);
        }
        return card;
    }

    /** Whether opening the card shows more: the patient's edit and delete, or a cramp's triggers, relief or note. */
    private boolean hasDetails(NightSummary night) {
        return night.cramps().stream().anyMatch(c -> !readOnly || c.note() != null || !DiaryText.details(c).isEmpty());
    }

    /**
     * "Details": reads the night again and builds each cramp's full row when opened, and goes back to the one-line
     * rows when closed; the card keeps no copy of the night's cramps in between.
     */
    private Button detailsToggle(NightSummary shown, Div cramps) {
        LocalDate night = shown.night();
        Button toggle = new Button("Details");
        toggle.setId("night-details-" + night);
        toggle.addClassName("night-details");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> {
            boolean open = !"true".equals(toggle.getElement().getAttribute("aria-expanded"));
            List<CrampRecord> now = diary.listNights(patientId, night, night).getFirst().cramps();
            cramps.removeAll();
            now.forEach(cramp -> cramps.add(open ? crampRow(cramp) : crampLine(cramp)));
            toggle.setText(open ? "Hide details" : "Details");
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        return toggle;
    }

    /** The cramp in one line, and who logged it if a helper did. */
    private Div crampLine(CrampRecord cramp) {
        Span summary = new Span(DiaryText.cramp(cramp, clinic));
        summary.addClassName("cramp-summary");
        Div text = new Div(summary);
        text.addClassName("cramp-line");
        if (cramp.loggedBy() != null) {
            text.add(loggedBy(cramp));
        }
        return text;
    }

    private static Span loggedBy(CrampRecord cramp) {
        Span by = new Span("Logged by " + cramp.loggedBy());
        by.addClassName("logged-by");
        by.setId("logged-by-" + cramp.id());
        return by;
    }

    private Div crampRow(CrampRecord cramp) {
        Div row = new Div();
        row.addClassName("cramp-row");
        Span summary = new Span(DiaryText.cramp(cramp, clinic));
        summary.addClassName("cramp-summary");
        Div text = new Div(summary);
        text.addClassName("cramp-text");
        if (cramp.loggedBy() != null) {
            text.add(loggedBy(cramp));
        }
        String details = DiaryText.details(cramp);
        if (!details.isEmpty()) {
            Span more = new Span(details);
            more.addClassName("cramp-details");
            text.add(more);
        }
        if (cramp.note() != null) {
            // setText: whatever the note holds, it is shown as text and never interpreted as markup.
            Paragraph note = new Paragraph();
            note.setText(cramp.note());
            note.addClassName("cramp-note");
            text.add(note);
        }
        row.add(text);
        if (!readOnly) {
            Button edit = new Button(VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(EditCrampView.class, cramp.id())));
            edit.setId("edit-cramp-" + cramp.id());
            edit.setAriaLabel("Edit this cramp");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(cramp));
            delete.setId("delete-cramp-" + cramp.id());
            delete.setAriaLabel("Delete this cramp");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            Div actions = new Div(edit, delete);
            actions.addClassName("cramp-actions");
            row.add(actions);
        }
        return row;
    }

    private void confirmDelete(CrampRecord cramp) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-delete");
        dialog.setHeader("Delete this cramp?");
        dialog.setText(DiaryText.cramp(cramp, clinic) + ", night of " + DiaryText.night(cramp.night(), clinic)
                + ". This cannot be undone.");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.setConfirmText("Delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            diary.deleteCramp(patientId, cramp.id());
            Notification.show("Cramp deleted", 3000, Notification.Position.BOTTOM_CENTER);
            changed();
        });
        dialog.open();
    }

    private void markCrampFree(LocalDate night) {
        try {
            diary.checkIn(patientId, new CheckInInput(night, true, null));
        } catch (InvalidInput refused) {
            Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            return;
        }
        changed();
    }

    private void changed() {
        refresh();
        onChange.run();
    }
}
