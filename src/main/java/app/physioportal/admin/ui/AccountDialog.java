package app.physioportal.admin.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountSummary;
import app.physioportal.security.AccountService.PhysioOption;
import app.physioportal.security.Role;
import app.physioportal.security.Invitations.InvitationStatus;
import app.physioportal.security.LinkState;
import app.physioportal.security.SecondFactorService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Objects;

/**
 * One account's actions: reassign a patient, see their invitation and resend or revoke it, send a patient a password
 * reset link (a staff member gets a one-time password), reset a lost second factor, disable or enable.
 */
class AccountDialog extends Dialog {

    private final AccountService accounts;
    private final PatientService patients;
    private final AccountSummary account;
    private final Runnable onChange;
    private final SecondFactorService secondFactors;
    private final LinkServices links;

    AccountDialog(AccountService accounts, PatientService patients, SecondFactorService secondFactors,
            LinkServices links, AccountSummary account, Runnable onChange) {
        this.secondFactors = secondFactors;
        this.links = links;
        this.accounts = accounts;
        this.patients = patients;
        this.account = account;
        this.onChange = onChange;
        setId("account-dialog");
        setHeaderTitle(account.displayName());
        add(new Paragraph(account.email() + " · " + AccountsView.label(account.role())
                + (account.enabled() ? "" : " · disabled")));

        Div actions = new Div();
        actions.addClassName("dialog-actions");
        if (account.role() == Role.PATIENT) {
            ComboBox<PhysioOption> physio = new ComboBox<>("Physio");
            physio.setId("reassign-physio");
            var physios = accounts.listPhysios();
            physio.setItems(physios);
            physio.setItemLabelGenerator(PhysioOption::displayName);
            physios.stream().filter(p -> Objects.equals(p.displayName(), account.physioName())).findFirst()
                    .ifPresent(physio::setValue);
            Button reassign = new Button("Assign to this physio", e -> {
                if (physio.getValue() == null) {
                    physio.setErrorMessage("Choose a physio");
                    physio.setInvalid(true);
                    return;
                }
                patients.reassign(account.id(), physio.getValue().id());
                Notification.show(account.displayName() + " is now with " + physio.getValue().displayName());
                done();
            });
            reassign.setId("reassign");
            actions.add(physio, reassign);
            patientPasswordActions(actions);
            helperSection(links.helpers().helpersOf(account.id()).stream()
                    .map(h -> new HelperRow(h.grantId(), h.label() + ", " + h.permission(), "Remove " + h.name())).toList(),
                    "Helpers (family or carers)");
        } else if (account.role() == Role.HELPER) {
            if (!links.invitations().status(account.id()).pending()) {
                actions.add(sendResetLinkButton());
            }
            helperSection(links.helpers().helpedBy(account.id()).stream()
                    .map(h -> new HelperRow(h.grantId(), h.name() + ", " + (h.mayRecord() ? "view and record"
                            : "view only"), "End help for " + h.name())).toList(), "Helps");
        } else {
            Button reset = new Button("Reset password", e -> confirm("Reset the password?",
                    "The current password stops working at once. You will see a one-time password to pass on.",
                    "Reset", () -> {
                        var password = accounts.resetPassword(account.id());
                        done();
                        new OneTimePasswordDialog(account.displayName(), password).open();
                    }));
            reset.setId("reset-password");
            actions.add(reset);
        }
        if (secondFactors.hasSecondFactor(account.id())) {
            Button resetFactor = new Button("Reset two-step sign-in", e -> confirm("Reset two-step sign-in?",
                    "For a lost or replaced phone. Their authenticator app and recovery codes stop working and they are "
                            + "signed out everywhere. " + (account.role() == Role.PATIENT
                            ? "They sign in with their password alone until they set it up again."
                            : "They set up a new app at their next sign-in.") + " They are told by email.",
                    "Reset", () -> {
                        secondFactors.reset(account.id());
                        Notification.show("Two-step sign-in reset for " + account.displayName());
                        done();
                    }));
            resetFactor.setId("reset-second-factor");
            actions.add(resetFactor);
        }
        Button toggle = new Button(account.enabled() ? "Disable account" : "Enable account", e -> {
            if (account.enabled()) {
                confirm("Disable " + account.displayName() + "?", "They will not be able to sign in. Nothing is deleted.",
                        "Disable", () -> changeEnabled(false));
            } else {
                changeEnabled(true);
            }
        });
        toggle.setId("toggle-enabled");
        if (account.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        actions.add(toggle);
        add(actions);
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
    }

    /**
     * A patient who has not chosen a password yet: where their invitation stands, resend and revoke. One who has: a
     * reset link by email, since the clinic never sees or sets a patient's password.
     */
    private void patientPasswordActions(Div actions) {
        InvitationStatus status = links.invitations().status(account.id());
        Paragraph words = new Paragraph(describe(status));
        words.setId("invitation-status");
        words.setVisible(!words.getText().isEmpty());
        add(words);
        if (!status.pending()) {
            actions.add(sendResetLinkButton());
            return;
        }
        Button resend = new Button("Resend invitation", e -> act(() -> {
            var invitation = links.invitations().resend(account.id());
            Notification.show("New invitation sent to " + invitation.email() + ". The earlier link no longer works.");
        }));
        resend.setId("resend-invitation");
        actions.add(resend);
        if (status.state() == LinkState.READY) {
            Button revoke = new Button("Revoke invitation", e -> confirm("Revoke the invitation?",
                    "The link in the email stops working at once. " + account.displayName() + " cannot sign in until "
                            + "you send a new invitation.", "Revoke", () -> act(() -> {
                        links.invitations().revoke(account.id());
                        Notification.show("Invitation to " + account.email() + " revoked");
                    })));
            revoke.setId("revoke-invitation");
            actions.add(revoke);
        }
    }

    private String describe(InvitationStatus status) {
        if (status.state() == null || status.sentAt() == null || status.expiresAt() == null) {
            return status.pending() ? "Not invited yet: they cannot sign in until they choose a password." : "";
        }
        String sent = links.clinic().weekdayTime(status.sentAt());
        String until = links.clinic().weekdayTime(status.expiresAt());
        if (!status.pending()) {
            return status.usedAt() == null ? "" : "Accepted the invitation on " + links.clinic().weekdayTime(
                    status.usedAt()) + ".";
        }
        return switch (status.state()) {
            case READY -> "Invited on " + sent + ". The invitation works until " + until + "; no password is chosen "
                    + "yet.";
            case EXPIRED -> "The invitation of " + sent + " expired unused on " + until + ". Resend it so they can "
                    + "choose a password.";
            case REVOKED -> "The invitation of " + sent + " was revoked. No link works until you send a new one.";
            default -> "Invited on " + sent + "; no password is chosen yet.";
        };
    }

    private void act(Runnable action) {
        try {
            action.run();
            done();
        } catch (InvalidInput problem) {
            Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE);
        }
    }

    private void changeEnabled(boolean enabled) {
        try {
            accounts.setEnabled(account.id(), enabled);
            Notification.show(account.displayName() + (enabled ? " can sign in again" : " can no longer sign in"));
            done();
        } catch (InvalidInput problem) {
            Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE);
        }
    }

    /** Patients and helpers choose their own passwords: the clinic emails them a reset link. */
    private Button sendResetLinkButton() {
        Button sendReset = new Button("Email a password reset link", e -> act(() -> {
            var until = links.resets().sendLink(account.id());
            Notification.show("A reset link went to " + account.email() + ". It works until "
                    + links.clinic().time(until) + ".");
        }));
        sendReset.setId("send-reset-link");
        return sendReset;
    }

    private record HelperRow(long grantId, String text, String endLabel) {
    }

    /** A patient's helpers, or whom a helper helps, each with a button that ends that help at once. */
    private void helperSection(List<HelperRow> rows, String title) {
        Div section = new Div(new H4(title));
        section.setId("helper-section");
        if (rows.isEmpty()) {
            section.add(new Paragraph("None."));
        }
        for (HelperRow row : rows) {
            Button end = new Button(row.endLabel(), e -> confirm(row.endLabel() + "?", "They stop seeing the patient's "
                    + "records from their next tap on, and are told by email. What they recorded stays.", "End",
                    () -> act(() -> {
                        links.helpers().revoke(row.grantId());
                        Notification.show("Ended: " + row.text());
                    })));
            end.setId("end-help-" + row.grantId());
            end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Div line = new Div(new Span(row.text()), end);
            line.addClassName("toolbar");
            section.add(line);
        }
        add(section);
    }

    private void done() {
        close();
        onChange.run();
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-dialog");
        dialog.open();
    }
}
