package app.physioportal.today.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.ui.NextAppointmentCard;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.diary.ui.MorningCheckIn;
import app.physioportal.exercise.ui.ExerciseIcon;
import app.physioportal.exercise.ui.ExerciseInstructions;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.TodayItem;
import app.physioportal.plan.TodayPlan;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/**
 * The patient's home: what to do today and tonight, ticked off with one tap. A helper sees the same for the person
 * they help, and ticks only if that person allowed them to record.
 */
@Route("today")
@PageTitle("Today · Physio Portal")
@Menu(title = "Today", order = 0, icon = "vaadin:sun-o")
@RolesAllowed({Role.PATIENT_ROLE, Role.HELPER_ROLE})
public class TodayView extends Main {

    private final AdherenceService adherence;
    private final long patientId;
    private final boolean mayRecord;
    /** "Rose's" when a helper looks; null on the patient's own page. */
    private final String whose;
    private final Div planArea = new Div();
    private final Span weekFigure = new Span();
    private final Span weekLabel = new Span();
    /** The plan version the cards show; a tick after the physio saved a new version rebuilds the page. */
    private int shownVersion;

    public TodayView(ActingFor actingFor, AdherenceService adherence, DiaryService diary, Nights nights,
            BookingService booking, Clock clock, Clinic clinic) {
        this.adherence = adherence;
        ActingFor.Subject subject = actingFor.requireSubject();
        this.patientId = subject.patientId();
        this.mayRecord = subject.mayRecord();
        this.whose = subject.isSelf() ? null : Clinic.firstName(subject.name()) + "'s";
        addClassName("page");
        setId("today-view");
        String firstName = Clinic.firstName(subject.name());
        int hour = clinic.now().getHour();
        if (subject.isSelf()) {
            add(new ViewHeader(title(hour, firstName), subtitle(hour)));
        } else {
            add(new ViewHeader(firstName + "'s day", firstName + "'s stretching and strengthening plan for tonight "
                    + "and today" + (mayRecord ? "." : ". You can see it; " + firstName + " ticks the exercises.")));
        }
        // Until last night is in the diary, the morning question comes first: it takes one tap.
        if (mayRecord) {
            add(new MorningCheckIn(diary, nights, clinic, clock, patientId));
        }
        planArea.addClassName("today-plan");
        planArea.setId("today-plan");
        add(planArea);
        add(new NextAppointmentCard(booking, clinic, patientId));
        render();
    }

    private void render() {
        planArea.removeAll();
        var today = adherence.today(patientId);
        if (today.isEmpty()) {
            Paragraph none = new Paragraph((whose == null ? "Your physio has not set up your exercise plan yet. "
                    : whose + " physio has not set up the exercise plan yet. ") + "It will appear here as soon as they do.");
            none.setId("no-plan");
            none.addClassName("card");
            planArea.add(none);
            return;
        }
        TodayPlan plan = today.get();
        shownVersion = plan.versionNumber();
        planArea.add(weekFigure(plan));
        section("Tonight, before bed", "tonight", plan.tonight(), true);
        section("During the day", "daytime", plan.daytime(), false);
    }

    private Div weekFigure(TodayPlan plan) {
        weekFigure.addClassName("week-figure");
        weekLabel.addClassName("week-label");
        showWeek(plan);
        Div card = new Div(weekFigure, weekLabel);
        card.addClassNames("card", "week-adherence");
        card.setId("week-adherence");
        return card;
    }

    private void showWeek(TodayPlan plan) {
        Integer percent = plan.thisWeek().percent();
        weekFigure.setText(percent == null ? "–" : percent + "%");
        weekLabel.setText(percent == null ? "Your plan starts this week." : "of this week's exercises done so far");
    }

    /**
     * After a tick or an undo: the one card and the week's figure change, the rest of the page stays as it is (the
     * plan is read again for the new counts; the page is rebuilt if the physio saved a new version meanwhile).
     */
    private void refresh(long exerciseId, Div card, boolean night) {
        var today = adherence.today(patientId);
        if (today.isEmpty() || today.get().versionNumber() != shownVersion
                || !(card.getParent().orElse(null) instanceof Div list)) {
            render();
            return;
        }
        var entry = (night ? today.get().tonight() : today.get().daytime()).stream()
                .filter(item -> item.item().exercise().id() == exerciseId).findFirst();
        if (entry.isEmpty()) {
            render();
            return;
        }
        showWeek(today.get());
        list.replace(card, itemCard(entry.get(), night));
    }

    private void section(String title, String id, List<TodayItem> items, boolean night) {
        if (items.isEmpty()) {
            return;
        }
        H3 heading = new H3(title);
        heading.addClassName("today-section-title");
        Div list = new Div();
        list.addClassName("card-list");
        list.setId(id + "-items");
        items.forEach(item -> list.add(itemCard(item, night)));
        planArea.add(heading, list);
    }

    private Div itemCard(TodayItem entry, boolean night) {
        var item = entry.item();
        long exerciseId = item.exercise().id();
        Span name = new Span(item.exercise().name());
        name.addClassName("card-title");
        Div head = new Div(ExerciseIcon.of(item.exercise().category()), name);
        head.addClassName("exercise-head");
        Span amount = new Span(item.amountInWords());
        amount.addClassName("dosage");
        amount.setId("dosage-" + exerciseId);
        Span often = new Span(item.frequencyInWords()
                + (item.dose().daysPerWeek() < 7 ? " · done " + entry.doneThisWeek() + " of "
                        + item.dose().daysPerWeek() + " this week" : ""));
        often.addClassName("card-detail");
        Div card = new Div(head, amount, often);
        if (item.dose().progressionNote() != null) {
            Span note = new Span(item.dose().progressionNote());
            note.addClassName("card-detail");
            card.add(note);
        }
        card.add(new ExerciseInstructions(item.exercise()));
        card.addClassNames("card", "exercise-card");
        card.setId("item-" + exerciseId);
        if (entry.done()) {
            card.addClassName("done");
            Span done = new Span(VaadinIcon.CHECK_CIRCLE.create(), new Span(night ? "Done tonight" : "Done today"));
            done.addClassName("done-label");
            done.setId("done-label-" + exerciseId);
            if (!mayRecord) {
                card.add(done);
                return card;
            }
            Button undo = new Button("Undo", click -> {
                adherence.undo(patientId, exerciseId);
                refresh(exerciseId, card, night);
            });
            undo.setId("undo-" + exerciseId);
            undo.addThemeVariants(ButtonVariant.TERTIARY);
            undo.addClassName("tap-target");
            // A number field with - and + (one element; a drop-down's twelve options were some thirty state nodes
            // per ticked card in every session, issue 18). Empty means not recorded; out of range is refused at the
            // field and not saved.
            IntegerField effort = new IntegerField("Effort or pain, 0 to 10 (optional)");
            effort.setId("effort-" + exerciseId);
            effort.setHelperText("0 = none, 10 = the worst you can imagine. Leave empty if you prefer.");
            effort.setMin(0);
            effort.setMax(PlanService.MAX_EFFORT);
            effort.setStepButtonsVisible(true);
            effort.setI18n(new IntegerField.IntegerFieldI18n()
                    .setBadInputErrorMessage("A whole number from 0 to 10, please.")
                    .setMinErrorMessage("0 is the lowest: no effort or pain at all.")
                    .setMaxErrorMessage("10 is the highest: the worst you can imagine."));
            effort.setValue(entry.effort());
            effort.addValueChangeListener(change -> {
                if (!effort.isInvalid()) {
                    adherence.setEffort(patientId, exerciseId, change.getValue());
                }
            });
            effort.addClassName("effort-select");
            Div actions = new Div(done, undo);
            actions.addClassName("done-row");
            card.add(actions, effort);
        } else if (!mayRecord) {
            Span notYet = new Span(night ? "Not done tonight yet" : "Not done today yet");
            notYet.addClassName("card-detail");
            notYet.setId("not-done-" + exerciseId);
            card.add(notYet);
        } else {
            Button mark = new Button("Mark done", VaadinIcon.CHECK.create(), click -> {
                adherence.markDone(patientId, exerciseId, null);
                refresh(exerciseId, card, night);
            });
            mark.setId("done-" + exerciseId);
            mark.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
            mark.addClassName("tap-target");
            mark.setDisableOnClick(true);
            card.add(mark);
        }
        return card;
    }

    /** Someone opening the portal between midnight and 5 a.m. has most likely been woken by a cramp. */
    static boolean smallHours(int hour) {
        return hour < 5;
    }

    static String title(int hour, String firstName) {
        if (smallHours(hour)) {
            return "Woken by a cramp, " + firstName + "?";
        }
        if (hour < 12) {
            return "Good morning, " + firstName;
        }
        if (hour < 18) {
            return "Good afternoon, " + firstName;
        }
        return "Good evening, " + firstName;
    }

    static String subtitle(int hour) {
        if (smallHours(hour)) {
            return "Log it now with Log a cramp: how strong and where is enough, the rest can wait until morning.";
        }
        return "Your stretching and strengthening plan for tonight and today.";
    }
}
