package app.physioportal.admin.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.TextLimit;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountForm;
import app.physioportal.security.AccountService.PhysioOption;
import app.physioportal.security.Role;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Creates a patient or physio account. A patient is invited by email to choose their own password; a physio gets a
 * one-time password from the portal for the admin to pass on.
 */
class NewAccountDialog extends Dialog {

    private final AccountService accounts;
    private final PatientService patients;
    private final Clinic clinic;
    private final Runnable onCreated;
    private final TextField name = new TextField("Full name");
    private final EmailField email = new EmailField("Email (used to sign in)");
    private final RadioButtonGroup<Role> role = new RadioButtonGroup<>("Role");
    private final ComboBox<PhysioOption> physio = new ComboBox<>("Physio");
    private final DatePicker birthDate = new DatePicker("Date of birth (optional)");
    private final Map<String, HasValidation> fields;
    private final Binder<Draft> binder = new Binder<>();

    NewAccountDialog(AccountService accounts, PatientService patients, Clinic clinic, Runnable onCreated) {
        this.accounts = accounts;
        this.patients = patients;
        this.clinic = clinic;
        this.onCreated = onCreated;
        setHeaderTitle("New account");
        setId("new-account-dialog");
        fields = Map.of("displayName", name, "email", email, "role", role, "physioId", physio, "birthDate", birthDate);

        name.setId("new-name");
        name.setRequiredIndicatorVisible(true);
        TextLimit.apply(name, 120);
        email.setId("new-email");
        email.setRequiredIndicatorVisible(true);
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage("Enter a valid email address"));
        role.setId("new-role");
        role.setItems(Role.PATIENT, Role.PHYSIO);
        role.setItemLabelGenerator(AccountsView::label);
        role.setValue(Role.PATIENT);
        physio.setId("new-physio");
        physio.setItems(accounts.listPhysios());
        physio.setItemLabelGenerator(PhysioOption::displayName);
        physio.setRequiredIndicatorVisible(true);
        birthDate.setId("new-birth-date");
        birthDate.setMax(LocalDate.now());
        role.addValueChangeListener(e -> {
            boolean patient = e.getValue() == Role.PATIENT;
            physio.setVisible(patient);
            birthDate.setVisible(patient);
        });

        binder.forField(name).asRequired("Enter a name").bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(email).asRequired("Enter an email address")
                .withValidator(new EmailValidator("Enter a valid email address"))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(role).asRequired("Choose a role").bind(d -> d.role, (d, v) -> d.role = v);
        binder.forField(physio).withValidator(p -> role.getValue() != Role.PATIENT || p != null, "Choose a physio")
                .bind(d -> d.physio, (d, v) -> d.physio = v);
        binder.forField(birthDate).bind(d -> d.birthDate, (d, v) -> d.birthDate = v);
        binder.readBean(new Draft());

        FormLayout form = new FormLayout(name, email, role, physio, birthDate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button("Create account", e -> save());
        save.setId("create-account");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    private void save() {
        FormErrors.clear(fields);
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        Role chosen = draft.role;
        AccountForm form = new AccountForm(draft.name, draft.email, chosen,
                chosen == Role.PATIENT && draft.physio != null ? draft.physio.id() : null,
                chosen == Role.PATIENT ? draft.birthDate : null);
        try {
            if (form.role() == Role.PATIENT) {
                var invitation = patients.invite(form);
                close();
                onCreated.run();
                new InvitationSentDialog(form.displayName(), invitation, clinic).open();
            } else {
                var created = accounts.createWithOneTimePassword(form);
                close();
                onCreated.run();
                new OneTimePasswordDialog(form.displayName(), created).open();
            }
        } catch (ConstraintViolationException problems) {
            FormErrors.show(problems, fields);
        } catch (AccountService.DuplicateEmailException duplicate) {
            FormErrors.show("email", duplicate.getMessage(), fields);
        } catch (InvalidInput problem) {
            FormErrors.show(problem, fields);
        }
    }

    /** What the form holds while the admin fills it in. */
    private static final class Draft {
        private String name = "";
        private String email = "";
        private Role role = Role.PATIENT;
        private @Nullable PhysioOption physio;
        private @Nullable LocalDate birthDate;
    }
}
