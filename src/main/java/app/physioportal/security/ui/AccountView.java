package app.physioportal.security.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.ColourScheme;
import app.physioportal.base.ui.FormErrors;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.security.AccountService;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.EmailChanges;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import app.physioportal.security.Passkeys;
import app.physioportal.security.SecondFactorService;
import app.physioportal.clinic.Clinic;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;

/** The signed-in person's own account: who they are and their password. */
@Route("account")
@PageTitle("My account · Physio Portal")
@Menu(title = "My account", order = 90, icon = "vaadin:user")
@PermitAll
public class AccountView extends Main {

    private final AccountService accounts;
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");
    private final Map<String, HasValidation> fields = Map.of("currentPassword", current, "newPassword", next,
            "repeat", repeat);
    private final Binder<PasswordChange> binder = new Binder<>();
    private final Paragraph mustChange = new Paragraph(
            "You signed in with a one-time password. Choose your own password to continue.");

    public AccountView(AccountService accounts, CurrentUser currentUser, SecondFactorService secondFactors,
            Passkeys passkeys, Clinic clinic, EmailChanges emailChanges) {
        this.accounts = accounts;
        addClassName("page");
        setId("account-view");
        PortalUser user = currentUser.require();
        add(new ViewHeader("My account", user.displayName() + " · " + user.email()));
        if (user.role() == Role.PATIENT || user.role() == Role.PHYSIO) {
            // The reminders feature's page, linked by its address so accounts need not know it.
            Anchor reminders = new Anchor("account/reminders", "Reminder settings");
            reminders.setId("reminders-link");
            reminders.addClassName("button-link");
            Div section = new Div(new H3("Reminders"), new Paragraph(user.role() == Role.PATIENT
                    ? "Emails at bedtime when tonight's stretches are not done, a morning \"Any cramps last night?\", "
                            + "appointment reminders, and a pause while you are away."
                    : "The Monday email with how many of your patients need attention."), reminders);
            section.addClassName("section");
            add(section);
        }

        mustChange.setId("must-change-password");
        mustChange.addClassName("notice-warning");
        mustChange.setVisible(accounts.mustChangePassword());

        current.setId("current-password");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        next.setId("new-password");
        next.setAutocomplete(Autocomplete.NEW_PASSWORD);
        next.setHelperText("At least 12 characters. A few unrelated words make a strong, memorable passphrase.");
        repeat.setId("repeat-password");
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        binder.forField(current).asRequired("Enter your current password")
                .bind(PasswordChange::current, PasswordChange::current);
        binder.forField(next).asRequired("Choose a new password").bind(PasswordChange::next, PasswordChange::next);
        binder.forField(repeat).asRequired("Type the new password again")
                .withValidator(again -> again.equals(next.getValue()), "The two new passwords differ")
                .bind(PasswordChange::repeat, PasswordChange::repeat);
        FormLayout form = new FormLayout(current, next, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        Button save = new Button("Change password", e -> changePassword());
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Div section = new Div(new H3("Password"), mustChange, form, save);
        section.addClassName("section");
        add(section);
        add(emailSection(user, emailChanges, clinic));
        add(new TwoStepSection(secondFactors, passkeys, clinic));
        add(colourSection());

        if (user.role() == Role.PATIENT) {
            // The download itself is the export feature's page; linked by its address, so accounts need not know it.
            Anchor yourData = new Anchor("account/data", "Download all my data");
            yourData.setId("your-data-link");
            yourData.addClassName("button-link");
            Anchor whoSaw = new Anchor("account/access", "Who has seen my record");
            whoSaw.setId("access-history-link");
            whoSaw.addClassName("button-link");
            Div links = new Div(yourData, whoSaw);
            links.addClassName("toolbar");
            Div data = new Div(new H3("Your data"), new Paragraph("Everything the portal holds about you, as files "
                    + "you can keep or take to another clinic, and each time someone at the clinic opened it."), links);
            data.addClassName("section");
            add(data);
        }
    }

    /**
     * A new sign-in email: the current password, then a link to the new address, which makes the change when opened
     * there. The answer is the same whether or not the new address already has an account.
     */
    private static Div emailSection(PortalUser user, EmailChanges changes, Clinic clinic) {
        EmailField newEmail = new EmailField("New email address");
        newEmail.setId("new-sign-in-email");
        newEmail.setManualValidation(true);
        PasswordField password = new PasswordField("Current password");
        password.setId("email-change-password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setManualValidation(true);
        Map<String, HasValidation> fields = Map.of("newEmail", newEmail, "currentPassword", password);
        Paragraph sent = new Paragraph();
        sent.setId("email-change-sent");
        sent.addClassName("notice-success");
        sent.setVisible(false);
        Button send = new Button("Send confirmation link", e -> {
            FormErrors.clear(fields);
            sent.setVisible(false);
            String typed = newEmail.getValue() == null ? "" : newEmail.getValue().strip();
            try {
                var until = changes.request(new EmailChanges.EmailChange(typed, password.getValue()));
                newEmail.clear();
                password.clear();
                sent.setText("We sent a link to " + typed + ". Open it there by " + clinic.weekdayTime(until)
                        + " to confirm; until then you sign in with " + user.email() + ".");
                sent.setVisible(true);
            } catch (ConstraintViolationException problems) {
                FormErrors.show(problems, fields);
            } catch (InvalidInput problem) {
                FormErrors.show(problem, fields);
            }
        });
        send.setId("change-email");
        FormLayout form = new FormLayout(newEmail, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Div section = new Div(new H3("Sign-in email"), new Paragraph("You sign in with " + user.email() + ". To "
                + "use another address, we send a link there; the change is made when you open it."), form, send, sent);
        section.addClassName("section");
        section.setId("email-section");
        return section;
    }

    /** Light, dark or follow the phone's setting; remembered on this device. */
    private static Div colourSection() {
        RadioButtonGroup<ColourScheme> choice = new RadioButtonGroup<>("Colours on this device");
        choice.setId("colour-scheme");
        choice.setItems(ColourScheme.values());
        choice.setItemLabelGenerator(ColourScheme::label);
        choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        choice.setHelperText("Dark is gentler on the eyes at night. Follow device uses your phone's setting.");
        choice.addAttachListener(e -> ColourScheme.read(e.getUI(), choice::setValue));
        choice.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                choice.getUI().ifPresent(e.getValue()::apply);
            }
        });
        Div colours = new Div(new H3("Screen"), choice);
        colours.addClassName("section");
        return colours;
    }

    private void changePassword() {
        FormErrors.clear(fields);
        PasswordChange change = new PasswordChange();
        if (!binder.writeBeanIfValid(change)) {
            return;
        }
        try {
            accounts.changeOwnPassword(change.current(), change.next());
            binder.readBean(new PasswordChange());
            boolean wasForced = mustChange.isVisible();
            mustChange.setVisible(false);
            Notification.show("Your password has been changed", 4000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (wasForced) {
                getUI().ifPresent(ui -> ui.navigate(""));
            }
        } catch (InvalidInput problem) {
            FormErrors.show(problem, fields);
        }
    }

    /** What the password form holds while it is being filled in. */
    private static final class PasswordChange {
        private String current = "";
        private String next = "";
        private String repeat = "";

        String current() {
            return current;
        }

        void current(String value) {
            current = value;
        }

        String next() {
            return next;
        }

        void next(String value) {
            next = value;
        }

        String repeat() {
            return repeat;
        }

        void repeat(String value) {
            repeat = value;
        }
    }
}
