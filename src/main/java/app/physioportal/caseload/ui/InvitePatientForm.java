package app.physioportal.caseload.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.TextLimit;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService.AccountForm;
import app.physioportal.security.Invitations.Invitation;
import app.physioportal.security.Role;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.Map;

/**
 * A physio invites a new patient of their own: name, email and (optionally) date of birth. The patient gets the same
 * emailed invitation as one the admin creates, and is on this physio's caseload at once. Hidden until asked for.
 */
class InvitePatientForm extends Div {

    private final PatientService patients;
    private final Clinic clinic;
    private final Runnable onInvited;
    private final TextField name = new TextField("Name");
    private final EmailField email = new EmailField("Email (they sign in with it)");
    private final DatePicker birthDate = new DatePicker("Date of birth (optional)");
    private final Div form = new Div();
    private final Paragraph sent = new Paragraph();

    InvitePatientForm(PatientService patients, Clinic clinic, Runnable onInvited) {
        this.patients = patients;
        this.clinic = clinic;
        this.onInvited = onInvited;
        setId("invite-patient");
        Button open = new Button("Invite a new patient", e -> {
            form.setVisible(!form.isVisible());
            sent.setVisible(false);
        });
        open.setId("invite-patient-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        name.setId("invite-patient-name");
        name.setWidthFull();
        TextLimit.apply(name, 120);
        email.setId("invite-patient-email");
        email.setWidthFull();
        email.setMaxLength(254);
        birthDate.setId("invite-patient-birth-date");
        birthDate.setMax(clinic.today());
        Button send = new Button("Send invitation", e -> send());
        send.setId("invite-patient-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(new H3("Invite a new patient"), new Paragraph("They get an email with a link to choose their "
                + "password, valid 72 hours, and join your caseload now."), name, email, birthDate, send);
        form.addClassName("section");
        form.setVisible(false);
        sent.setId("invite-patient-sent");
        sent.addClassName("notice-success");
        sent.setVisible(false);
        add(open, sent, form);
    }

    private void send() {
        Map<String, HasValidation> fields = Map.of("displayName", name, "email", email, "birthDate", birthDate);
        FormErrors.clear(fields);
        LocalDate born = birthDate.getValue();
        try {
            Invitation invitation = patients.invite(new AccountForm(name.getValue(), email.getValue(), Role.PATIENT,
                    null, born));
            sent.setText("Invitation sent to " + invitation.email() + ". The link works until "
                    + clinic.weekdayTime(invitation.expiresAt()) + ".");
            sent.setVisible(true);
            form.setVisible(false);
            name.clear();
            email.clear();
            birthDate.clear();
            onInvited.run();
        } catch (ConstraintViolationException problems) {
            FormErrors.show(problems, fields);
        } catch (InvalidInput problem) {
            if (!FormErrors.show(problem, fields)) {
                throw problem;
            }
        }
    }
}
