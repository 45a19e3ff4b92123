package app.physioportal.notes.ui;

import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.TextLimit;
import app.physioportal.clinic.Clinic;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.notes.ClinicalNoteService.NewNote;
import app.physioportal.notes.ClinicalNoteService.NoteView;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A patient's clinical notes, newest first. The physio adds notes and corrections (never edits);
 * in read-only form it shows what the caller may see (a patient: the shared notes).
 */
@NamedInterface("panels")
public class ClinicalNotesPanel extends Div {


    private final ClinicalNoteService service;
    private final long patientId;
    private final Clinic clinic;
    private final Div list = new Div();
    private final TextArea body = new TextArea("New note");
    private final Checkbox shared = new Checkbox("Share with the patient");
    private final Span correcting = new Span();
    private final Button cancelCorrection = new Button("Not a correction", e -> startCorrection(null));
    private final Map<String, HasValidation> fields = Map.of("body", body);
    private final Binder<Draft> binder = new Binder<>();
    private Long correctsNoteId;

    public ClinicalNotesPanel(ClinicalNoteService service, long patientId, boolean editable, Clinic clinic) {
        this.service = service;
        this.patientId = patientId;
        this.clinic = clinic;
        addClassName("notes-panel");
        setId("clinical-notes");
        list.addClassName("card-list");
        list.setId("notes-list");

        if (editable) {
            body.setId("note-body");
            TextLimit.apply(body, ClinicalNoteService.MAX_LENGTH);
            body.setWidthFull();
            body.setMinHeight("6em");
            shared.setId("note-shared");
            binder.forField(body).asRequired("Write the note first")
                    .withValidator((text, context) -> text.length() <= ClinicalNoteService.MAX_LENGTH
                            ? ValidationResult.ok()
                            : ValidationResult.error(TextLimit.tooLong(text.length(), ClinicalNoteService.MAX_LENGTH)))
                    .bind(d -> d.body, (d, v) -> d.body = v);
            binder.forField(shared).bind(d -> d.shared, (d, v) -> d.shared = v);
            binder.readBean(new Draft());
            correcting.addClassName("card-detail");
            correcting.setVisible(false);
            Button add = new Button("Add note", e -> addNote());
            add.setId("add-note");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            cancelCorrection.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            cancelCorrection.setVisible(false);
            Div form = new Div(correcting, cancelCorrection, body, shared, add);
            form.addClassName("section");
            add(form);
        }
        add(list);
        refresh(editable);
    }

    private void refresh(boolean editable) {
        list.removeAll();
        var notes = service.notesFor(patientId);
        if (notes.isEmpty()) {
            list.add(new Paragraph(editable ? "No clinical notes yet." : "Your physio has not shared any notes yet."));
        }
        for (NoteView note : notes) {
            list.add(card(note, editable));
        }
    }

    private Div card(NoteView note, boolean editable) {
        Span meta = new Span(clinic.weekdayYearTime(note.writtenAt()) + " · " + note.authorName()
                + (note.sharedWithPatient() ? " · shared with patient" : ""));
        meta.addClassName("card-detail");
        Paragraph text = new Paragraph(note.body());
        text.addClassName("note-body");
        Div card = new Div(meta, text);
        card.addClassName("card");
        if (note.correctsNoteId() != null) {
            Span corrects = new Span("Correction of an earlier note");
            corrects.addClassName("note-flag");
            card.addComponentAsFirst(corrects);
        }
        if (note.corrected()) {
            card.addClassName("note-corrected");
            Span flag = new Span("Corrected by a later note");
            flag.addClassName("note-flag");
            card.addComponentAsFirst(flag);
        }
        if (editable) {
            Button correct = new Button("Write a correction", e -> startCorrection(note));
            correct.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            correct.addClassName("correct-note");
            card.add(correct);
        }
        return card;
    }

    private void startCorrection(NoteView note) {
        correctsNoteId = note == null ? null : note.id();
        correcting.setVisible(note != null);
        cancelCorrection.setVisible(note != null);
        if (note != null) {
            correcting.setText("Correcting the note of " + clinic.weekdayYearTime(note.writtenAt()));
            shared.setValue(note.sharedWithPatient());
            body.focus();
        }
    }

    private void addNote() {
        FormErrors.clear(fields);
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        try {
            service.addNote(patientId, new NewNote(draft.body, draft.shared, correctsNoteId));
            binder.readBean(new Draft());
            startCorrection(null);
            refresh(true);
        } catch (ConstraintViolationException problems) {
            FormErrors.show(problems, fields);
        }
    }

    /** The note being written. */
    private static final class Draft {
        private String body = "";
        private boolean shared;
    }
}
