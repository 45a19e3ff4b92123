package app.physioportal.security.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.clinic.Clinic;
import app.physioportal.security.Passkeys;
import app.physioportal.security.SecondFactorService;
import app.physioportal.security.SecondFactorService.Enrolment;
import app.physioportal.security.SecondFactorService.Status;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * My account's two-step sign-in: its state, turning it on (patients choose; staff always have it), moving to a
 * new phone, new recovery codes, and for patients turning it off. Every change needs a code from the app.
 */
class TwoStepSection extends Div {

    private final SecondFactorService factors;
    private final Passkeys passkeys;
    private final Clinic clinic;
    private final Div body = new Div();

    TwoStepSection(SecondFactorService factors, Passkeys passkeys, Clinic clinic) {
        this.factors = factors;
        this.passkeys = passkeys;
        this.clinic = clinic;
        addClassName("section");
        setId("two-step");
        add(new H3("Two-step sign-in"), body);
        showStatus();
    }

    private void showStatus() {
        body.removeAll();
        Status status = factors.status();
        Paragraph state = new Paragraph();
        state.setId("two-step-state");
        if (!status.enrolled()) {
            state.setText("Off: your password alone signs you in. Turn it on to also type a code from an app on your "
                    + "phone, so a stolen password is not enough.");
            Button on = new Button("Turn on with an authenticator app", e -> showEnrolment());
            on.setId("two-step-on");
            Button passkey = new Button("Turn on with a passkey", e -> addPasskey());
            passkey.setId("two-step-passkey");
            Div buttons = new Div(on, passkey);
            buttons.addClassName("toolbar");
            body.add(state, buttons);
            return;
        }
        String how = (status.app() ? "an authenticator app" : "")
                + (status.app() && status.passkeys() > 0 ? " and " : "")
                + (status.passkeys() == 0 ? "" : status.passkeys() == 1 ? "a passkey" : status.passkeys() + " passkeys");
        state.setText("On with " + how + (status.since() == null ? "" : " (app since "
                + clinic.weekdayYear(clinic.at(status.since())) + ")") + " · " + status.recoveryCodesLeft()
                + (status.recoveryCodesLeft() == 1 ? " recovery code" : " recovery codes") + " left"
                + (status.required() ? " · staff accounts always use it" : ""));
        TextField code = codeField(status.app() ? "Code from your app, to change anything here"
                : "Confirm with your passkey to change anything here");
        code.setVisible(status.app());
        Button renew = new Button("New recovery codes", e -> withCode(code, factors::renewRecoveryCodes));
        renew.setId("two-step-renew");
        Button move = new Button(status.app() ? "Move the app to a new phone" : "Add an authenticator app",
                e -> afterProof(code, this::showEnrolment));
        move.setId("two-step-move");
        move.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button passkey = new Button("Add a passkey", e -> afterProof(code, this::addPasskey));
        passkey.setId("two-step-add-passkey");
        passkey.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div buttons = new Div(renew, move, passkey);
        buttons.addClassName("toolbar");
        if (status.passkeys() > 0) {
            Button confirm = new Button("Confirm with my passkey", e -> {
                FormErrors.clear(Map.of("code", code));
                Passkeys.Ceremony ceremony = passkeys.startCheck();
                PasskeyBrowser.get(this, ceremony.json(), answer -> {
                    try {
                        passkeys.confirm(ceremony, answer);
                        Notification.show("Confirmed: for the next 5 minutes changes here need no code", 4000,
                                Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (InvalidInput refused) {
                        FormErrors.show(refused, Map.of("code", code));
                    }
                }, failed -> FormErrors.show("code", PasskeyBrowser.FAILED, Map.of("code", code)));
            });
            confirm.setId("two-step-confirm-passkey");
            buttons.addComponentAsFirst(confirm);
        }
        if (!status.required()) {
            Button off = new Button("Turn off", e -> withCode(code, typed -> {
                factors.turnOff(typed);
                return List.of();
            }));
            off.setId("two-step-off");
            off.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(off);
        }
        body.add(state, code, buttons);
    }

    /** Runs a change that needs a current code; shows new recovery codes when it made some. */
    private void withCode(TextField code, Function<String, List<String>> change) {
        FormErrors.clear(Map.of("code", code));
        try {
            List<String> codes = change.apply(code.getValue());
            showStatus();
            if (!codes.isEmpty()) {
                body.add(RecoveryCodes.panel(codes));
            }
            Notification.show("Saved", 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInput wrong) {
            code.clear();
            FormErrors.show(wrong, Map.of("code", code));
        }
    }

    /** Replacing or adding a factor first proves the current one: the code typed, or a passkey confirmation. */
    private void afterProof(TextField code, Runnable change) {
        FormErrors.clear(Map.of("code", code));
        try {
            factors.confirm(code.getValue());
            change.run();
        } catch (InvalidInput refused) {
            code.setVisible(true);
            FormErrors.show(refused, Map.of("code", code));
        }
    }

    private void addPasskey() {
        Passkeys.Ceremony ceremony = passkeys.startRegistration();
        PasskeyBrowser.create(this, ceremony.json(), answer -> {
            try {
                List<String> codes = passkeys.finishRegistration(ceremony, answer, "Passkey");
                showStatus();
                if (!codes.isEmpty()) {
                    body.add(RecoveryCodes.panel(codes));
                }
                Notification.show("Passkey added", 3000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInput refused) {
                Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }, failed -> Notification.show(PasskeyBrowser.FAILED, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
    }

    private void showEnrolment() {
        body.removeAll();
        Enrolment offer = factors.offer();
        Paragraph step1 = new Paragraph("1. In an authenticator app (Google Authenticator, Microsoft Authenticator, "
                + "1Password and others), add an account and scan this code:");
        Div qr = QrCode.of(offer.uri(), "QR code for adding your account to an authenticator app");
        qr.setId("two-step-qr");
        Div key = new Div(offer.grouped());
        key.setId("two-step-secret");
        key.addClassName("factor-secret");
        Paragraph typed = new Paragraph("Or type this key into the app:");
        Paragraph step2 = new Paragraph("2. Type the 6-digit code the app now shows:");
        TextField code = codeField("Code from the app");
        Button turnOn = new Button("Turn on", e -> {
            FormErrors.clear(Map.of("code", code));
            try {
                List<String> codes = factors.enrol(offer, code.getValue());
                showStatus();
                body.add(RecoveryCodes.panel(codes));
            } catch (InvalidInput wrong) {
                code.clear();
                FormErrors.show(wrong, Map.of("code", code));
            }
        });
        turnOn.setId("two-step-confirm");
        turnOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> showStatus());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div buttons = new Div(turnOn, cancel);
        buttons.addClassName("toolbar");
        body.add(step1, qr, typed, key, step2, code, buttons);
    }

    private static TextField codeField(String label) {
        TextField code = new TextField(label);
        code.setId("two-step-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.setMaxWidth("20em");
        return code;
    }
}
