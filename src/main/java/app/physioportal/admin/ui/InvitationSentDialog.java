package app.physioportal.admin.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.security.Invitations.Invitation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Says where a patient's invitation went and until when it works; the admin never sees a patient's password. */
class InvitationSentDialog extends Dialog {

    InvitationSentDialog(String name, Invitation invitation, Clinic clinic) {
        setHeaderTitle("Invitation sent");
        setId("invitation-sent-dialog");
        Paragraph sent = new Paragraph("Invitation sent to " + invitation.email() + ".");
        sent.setId("invitation-sent");
        add(sent, new Paragraph(Clinic.firstName(name) + " chooses their own password with the link in it. It works "
                + "once, until " + clinic.weekdayTime(invitation.expiresAt()) + ". If it does not arrive, check the "
                + "address, then resend it from their account in the list."));
        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
