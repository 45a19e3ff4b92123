package app.physioportal.plan.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.exercise.ui.ExerciseIcon;
import app.physioportal.plan.PlanItem;
import app.physioportal.plan.PlanVersionView;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** Every version of a plan, newest first: when it started, who changed it, why, and what changed. */
class PlanHistoryList extends Div {


    /**
     * @param physiosPatientId the patient, when a physio reads the list (links go to their patient page); null for
     *                         the patient's own list (links go to their messages)
     */
    PlanHistoryList(List<PlanVersionView> newestFirst, Clinic clinic, Long physiosPatientId) {
        this(newestFirst, clinic, physiosPatientId, true);
    }

    /** @param askLinks "Ask my physio about this version" on the patient's own list (not a helper's) */
    PlanHistoryList(List<PlanVersionView> newestFirst, Clinic clinic, Long physiosPatientId, boolean askLinks) {
        addClassName("card-list");
        setId("plan-history");
        for (int i = 0; i < newestFirst.size(); i++) {
            add(versionCard(newestFirst.get(i), i == 0, clinic, physiosPatientId, askLinks));
        }
    }

    private static Div versionCard(PlanVersionView version, boolean current, Clinic clinic, Long physiosPatientId,
            boolean askLinks) {
        Span title = new Span("Version " + version.number() + " · from " + clinic.date(version.effectiveFrom()));
        title.addClassName("card-title");
        Div head = new Div(title);
        head.addClassName("version-head");
        if (current) {
            Span badge = new Span("Current");
            badge.addClassName("current-badge");
            head.add(badge);
        }
        Paragraph reason = new Paragraph("“" + version.reason() + "”");
        reason.addClassName("version-reason");
        Span author = new Span("Changed by " + version.authorName());
        author.addClassName("card-detail");
        UnorderedList changes = new UnorderedList();
        changes.addClassName("version-changes");
        if (version.number() == 1) {
            changes.add(new ListItem("First plan: " + version.items().size()
                    + (version.items().size() == 1 ? " exercise" : " exercises")));
        } else if (version.changes().isEmpty()) {
            changes.add(new ListItem("No change to the exercises"));
        } else {
            version.changes().forEach(change -> changes.add(new ListItem(change)));
        }
        Div items = new Div();
        items.addClassName("version-items");
        for (PlanItem item : version.items()) {
            Span name = new Span(item.exercise().name());
            name.addClassName("item-name");
            Span dose = new Span(item.amountInWords() + " · " + item.frequencyInWords());
            dose.addClassName("card-detail");
            Div row = new Div(ExerciseIcon.of(item.exercise().category()), new Div(name, dose));
            row.addClassName("version-item");
            items.add(row);
        }
        Details exercises = new Details("Exercises in this version", items);
        exercises.setOpened(current);
        Div card = new Div(head, reason, author, changes, exercises);
        // Messages are linked by route name: the plan module knows nothing of the messages module.
        if (version.answersMessageId() != null) {
            Anchor answer = new Anchor(physiosPatientId == null ? "messages"
                    : "patients/" + physiosPatientId + "?tab=messages",
                    physiosPatientId == null ? "In answer to your message" : "In answer to the patient's message");
            answer.addClassName("card-link");
            answer.addClassName("version-answers");
            card.addComponentAtIndex(2, answer);
        }
        if (physiosPatientId == null && askLinks) {
            Anchor ask = new Anchor("messages?about=plan:" + version.number(), "Ask my physio about this version");
            ask.addClassName("card-link");
            ask.addClassName("ask-physio");
            ask.setId("ask-about-version-" + version.number());
            card.add(ask);
        }
        card.addClassName("card");
        card.setId("version-" + version.number());
        return card;
    }
}
