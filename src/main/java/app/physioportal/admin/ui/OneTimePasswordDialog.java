package app.physioportal.admin.ui;

import app.physioportal.security.AccountService.OneTimePassword;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** Shows a staff member's one-time password once, for the admin to pass on in person or by phone. */
class OneTimePasswordDialog extends Dialog {

    OneTimePasswordDialog(String name, OneTimePassword password) {
        setHeaderTitle("One-time password for " + name);
        setId("one-time-password-dialog");
        Span code = new Span(password.password());
        code.setId("one-time-password");
        code.addClassName("one-time-password");
        add(new Paragraph("Sign-in email: " + password.email()), code,
                new Paragraph("Give this to " + name + " in person or by phone. It is shown only now; "
                        + "they must choose their own password when they first sign in."));
        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
