package app.physioportal.security.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Helpers;
import app.physioportal.security.Helpers.Helper;
import app.physioportal.security.Role;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * "My helpers": the patient invites a family member or carer by email, chooses "view only" or "view and record",
 * changes that, resends an unused invitation and removes a helper, all at once effective.
 */
@Route("helpers")
@PageTitle("My helpers · Physio Portal")
@Menu(title = "My helpers", order = 6, icon = "vaadin:users")
@RolesAllowed(Role.PATIENT_ROLE)
public class HelpersView extends Main {

    static final String VIEW_ONLY = "View only";
    static final String VIEW_AND_RECORD = "View and record";

    private final Helpers helpers;
    private final Clinic clinic;
    private final long patientId;
    private final Div list = new Div();
    private final TextField name = new TextField("Their name");
    private final EmailField email = new EmailField("Their email address");
    private final TextField relationship = new TextField("Who they are to you (optional)");
    private final RadioButtonGroup<String> permission = new RadioButtonGroup<>("What they may do");

    public HelpersView(Helpers helpers, CurrentUser currentUser, Clinic clinic) {
        this.helpers = helpers;
        this.clinic = clinic;
        this.patientId = currentUser.require().id();
        addClassName("page");
        setId("helpers-view");
        add(new ViewHeader("My helpers", "Someone who helps you stretch, such as your partner or a carer, can "
                + "follow your plan on their own phone with their own sign-in."));
        Paragraph what = new Paragraph("A helper sees Today, your plan, your diary, your progress and your "
                + "appointments. With \"view and record\" they can also log cramps, tick exercises and book for you; "
                + "everything they record shows their name. They never see your messages, your physio's notes or "
                + "your account. Your physio sees who helps you. You can remove a helper at any time.");
        what.addClassName("card-detail");
        list.setId("helper-list");
        list.addClassName("card-list");
        add(what, list, inviteForm());
        refresh();
    }

    private Div inviteForm() {
        name.setId("helper-name");
        name.setMaxLength(120);
        name.setWidthFull();
        email.setId("helper-email");
        email.setMaxLength(254);
        email.setWidthFull();
        email.setHelperText("They get an email with a link to choose their password.");
        relationship.setId("helper-relationship");
        relationship.setMaxLength(40);
        relationship.setPlaceholder("husband, daughter, carer…");
        relationship.setWidthFull();
        permission.setId("helper-permission");
        permission.setItems(VIEW_ONLY, VIEW_AND_RECORD);
        permission.setValue(VIEW_AND_RECORD);
        Button invite = new Button("Send invitation", e -> invite());
        invite.setId("invite-helper");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(new H3("Invite a helper"), name, email, relationship, permission, invite);
        form.addClassNames("section", "helper-invite");
        return form;
    }

    private void invite() {
        Map<String, HasValidation> fields = Map.of("name", name, "email", email, "relationship", relationship);
        FormErrors.clear(fields);
        try {
            Helper added = helpers.invite(patientId, name.getValue(), email.getValue(), relationship.getValue(),
                    VIEW_AND_RECORD.equals(permission.getValue()));
            Notification.show(added.invitationPending() ? "Invitation sent to " + added.email()
                    : added.name() + " can now help you", 5000, Notification.Position.BOTTOM_CENTER)
                    .setId("helper-invited");
            name.clear();
            email.clear();
            relationship.clear();
            refresh();
        } catch (InvalidInput refused) {
            if (!FormErrors.show(refused, fields)) {
                throw refused;
            }
        }
    }

    private void refresh() {
        list.removeAll();
        List<Helper> current = helpers.helpersOf(patientId);
        if (current.isEmpty()) {
            Paragraph none = new Paragraph("Nobody helps you on the portal yet.");
            none.setId("no-helpers");
            none.addClassName("card");
            list.add(none);
            return;
        }
        current.forEach(helper -> list.add(card(helper)));
    }

    private Div card(Helper helper) {
        Span who = new Span(helper.label());
        who.addClassName("card-title");
        Span address = new Span(helper.email());
        address.addClassName("card-detail");
        Span since = new Span(helper.invitationPending()
                ? "Invited " + clinic.date(clinic.at(helper.since())) + ", has not chosen a password yet"
                : "Helping since " + clinic.date(clinic.at(helper.since())));
        since.addClassName("card-detail");
        since.setId("helper-status-" + helper.grantId());
        RadioButtonGroup<String> may = new RadioButtonGroup<>("May");
        may.setId("helper-may-" + helper.grantId());
        may.setItems(VIEW_ONLY, VIEW_AND_RECORD);
        may.setValue(helper.mayRecord() ? VIEW_AND_RECORD : VIEW_ONLY);
        may.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                helpers.setMayRecord(patientId, helper.grantId(), VIEW_AND_RECORD.equals(change.getValue()));
                Notification.show(helper.name() + ": " + change.getValue().toLowerCase(), 3000,
                        Notification.Position.BOTTOM_CENTER);
            }
        });
        Button remove = new Button("Remove", e -> confirmRemove(helper));
        remove.setId("remove-helper-" + helper.grantId());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(remove);
        actions.addClassName("toolbar");
        if (helper.invitationPending()) {
            Button resend = new Button("Send invitation again", e -> {
                helpers.resendInvitation(patientId, helper.grantId());
                Notification.show("A new invitation is on its way to " + helper.email(), 4000,
                        Notification.Position.BOTTOM_CENTER);
            });
            resend.setId("resend-helper-" + helper.grantId());
            resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.addComponentAsFirst(resend);
        }
        Div card = new Div(who, address, since, may, actions);
        card.addClassNames("card", "helper-card");
        card.setId("helper-" + helper.grantId());
        return card;
    }

    private void confirmRemove(Helper helper) {
        ConfirmDialog dialog = new ConfirmDialog("Remove " + helper.name() + "?", helper.name() + " will no longer "
                + "see your plan, diary or progress, from their next tap on. What they recorded stays in your diary.",
                "Remove", e -> {
                    helpers.revoke(helper.grantId());
                    Notification.show(helper.name() + " no longer helps you", 4000, Notification.Position.BOTTOM_CENTER)
                            .setId("helper-removed");
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setCancelText("Keep");
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-remove-helper");
        dialog.open();
    }
}
