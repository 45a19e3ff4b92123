package app.physioportal.security.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Passkeys;
import app.physioportal.security.PortalUser;
import app.physioportal.security.SecondFactorService;
import app.physioportal.security.SecondFactorService.Enrolment;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The second step of signing in: the code of the person's authenticator app (or a recovery code). Staff who
 * have none yet set one up here first, and see their recovery codes once.
 */
@Route(value = "second-factor", autoLayout = false)
@PageTitle("Two-step sign-in · Physio Portal")
@AnonymousAllowed
public class SecondFactorView extends Main implements BeforeEnterObserver {

    private final SecondFactorService secondFactors;
    private final Passkeys passkeys;
    private final CurrentUser currentUser;
    private final Div card = new Div();
    private final TextField code = new TextField("Code");

    public SecondFactorView(SecondFactorService secondFactors, Passkeys passkeys, CurrentUser currentUser) {
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.currentUser = currentUser;
        addClassName("login-view");
        setId("second-factor-view");
        card.addClassName("login-card");
        card.addClassName("factor-card");
        add(card);
        code.setId("factor-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocapitalize", "none");
        code.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var pending = currentUser.owingSecondFactor();
        if (pending.isEmpty()) {
            event.forwardTo(currentUser.get().isPresent() ? "" : "login");
            return;
        }
        card.removeAll();
        H1 brand = new H1("Physio Portal");
        brand.addClassName("login-brand");
        card.add(brand);
        if (secondFactors.owesEnrolment()) {
            showEnrolment(pending.get(), secondFactors.offer());
        } else {
            showCodeEntry();
        }
    }

    private void showCodeEntry() {
        H2 title = new H2("Enter your sign-in code");
        Paragraph how = new Paragraph("Open the authenticator app on your phone and type the 6-digit code it shows "
                + "for Physio Portal.");
        how.addClassName("login-tagline");
        code.setLabel("Code");
        code.setHelperText("Lost your phone? Type one of your recovery codes (like abcde-23456) instead.");
        Button go = new Button("Continue", e -> answer());
        go.setId("factor-continue");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.setWidthFull();
        go.addClickShortcut(Key.ENTER);
        Div form = new Div(code, go);
        form.addClassName("factor-form");
        if (passkeys.count() > 0) {
            how.setText("Use your passkey (your phone's or computer's screen lock, or your security key), or type "
                    + "the 6-digit code of your authenticator app.");
            Button passkey = new Button("Use my passkey", e -> usePasskey());
            passkey.setId("factor-passkey");
            passkey.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            passkey.setWidthFull();
            go.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(title, how, passkey, form, cancel());
        } else {
            card.add(title, how, form, cancel());
            code.focus();
        }
    }

    private void usePasskey() {
        FormErrors.clear(Map.of("code", code));
        Passkeys.Ceremony ceremony = passkeys.startCheck();
        PasskeyBrowser.get(this, ceremony.json(), answer -> after(passkeys.finishSignIn(ceremony, answer)),
                failed -> FormErrors.show("code", PasskeyBrowser.FAILED, Map.of("code", code)));
    }

    private void after(SecondFactorService.Outcome outcome) {
        switch (outcome) {
            case SIGNED_IN -> UI.getCurrent().getPage().setLocation(".");
            case WRONG -> {
                code.clear();
                FormErrors.show("code", "That code is not right, or was already used. Wait for the next code "
                        + "and try again.", Map.of("code", code));
            }
            case TOO_MANY -> UI.getCurrent().getPage().setLocation("login?codes");
        }
    }

    private void answer() {
        FormErrors.clear(Map.of("code", code));
        after(secondFactors.answer(code.getValue()));
    }

    private void showEnrolment(PortalUser user, Enrolment offer) {
        H2 title = new H2("Set up two-step sign-in");
        Paragraph why = new Paragraph("Staff accounts open patients' health records, so after the password they "
                + "also need a code from an authenticator app on your phone (for example Google Authenticator, "
                + "Microsoft Authenticator or 1Password), or a passkey.");
        why.addClassName("login-tagline");
        Paragraph step1 = new Paragraph("1. In the app, add an account and scan this code:");
        step1.addClassName("factor-step");
        Div qr = QrCode.of(offer.uri(), "QR code for adding " + user.email() + " to an authenticator app");
        qr.setId("factor-qr");
        Paragraph typed = new Paragraph("Or type this key into the app: ");
        typed.addClassName("factor-step");
        Div key = new Div(offer.grouped());
        key.setId("factor-secret");
        key.addClassName("factor-secret");
        Paragraph step2 = new Paragraph("2. Type the 6-digit code the app now shows:");
        step2.addClassName("factor-step");
        code.setLabel("Code from the app");
        code.setHelperText(null);
        Button turnOn = new Button("Turn on two-step sign-in", e -> enrol(offer));
        turnOn.setId("factor-enrol");
        turnOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        turnOn.setWidthFull();
        turnOn.addClickShortcut(Key.ENTER);
        Div form = new Div(code, turnOn);
        form.addClassName("factor-form");
        Paragraph orPasskey = new Paragraph("Or, instead of an app, make a passkey: this phone's or computer's "
                + "screen lock (fingerprint, face, PIN) or a security key signs you in.");
        orPasskey.addClassName("factor-step");
        Button passkey = new Button("Make a passkey instead", e -> makePasskey());
        passkey.setId("factor-make-passkey");
        passkey.setWidthFull();
        card.add(title, why, step1, qr, typed, key, step2, form, orPasskey, passkey, cancel());
    }

    private void makePasskey() {
        FormErrors.clear(Map.of("code", code));
        Passkeys.Ceremony ceremony = passkeys.startRegistration();
        PasskeyBrowser.create(this, ceremony.json(), answer -> {
            try {
                showRecoveryCodes(passkeys.finishRegistration(ceremony, answer, "Passkey"));
            } catch (InvalidInput refused) {
                FormErrors.show("code", refused.getMessage(), Map.of("code", code));
            }
        }, failed -> FormErrors.show("code", PasskeyBrowser.FAILED, Map.of("code", code)));
    }

    private void enrol(Enrolment offer) {
        FormErrors.clear(Map.of("code", code));
        try {
            showRecoveryCodes(secondFactors.enrol(offer, code.getValue()));
        } catch (InvalidInput wrong) {
            code.clear();
            FormErrors.show(wrong, Map.of("code", code));
        }
    }

    private void showRecoveryCodes(List<String> codes) {
        card.removeAll();
        H1 brand = new H1("Physio Portal");
        brand.addClassName("login-brand");
        Button done = new Button("I have kept my codes, continue", e -> UI.getCurrent().getPage().setLocation("."));
        done.setId("factor-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setWidthFull();
        card.add(brand, RecoveryCodes.panel(codes), done);
    }

    private Button cancel() {
        Button cancel = new Button("Cancel and sign out", e -> {
            SecurityContextHolder.clearContext();
            VaadinSession.getCurrent().getSession().invalidate();
            UI.getCurrent().getPage().setLocation("login");
        });
        cancel.setId("factor-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return cancel;
    }
}
