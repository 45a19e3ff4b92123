package app.physioportal.security;

import app.physioportal.base.PortalAddress;
import app.physioportal.clinic.Clinic;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.Outbox;
import app.physioportal.mail.OutgoingEmail;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The emails that carry a single-use link, queued in the transaction that made the link, so a link that rolls back
 * is never sent. They carry the link and never a password. An email not sent before its link expires is dropped.
 */
@Component
class AccountLinkEmails {

    private final Outbox outbox;
    private final Clinic clinic;
    private final PortalAddress address;

    AccountLinkEmails(Outbox outbox, Clinic clinic, PortalAddress address) {
        this.outbox = outbox;
        this.clinic = clinic;
        this.address = address;
    }

    void invitation(Account account, String token, Instant expiresAt) {
        String link = address.link("welcome?t=" + token);
        outbox.enqueue(OutgoingEmail.of("INVITATION", account.getId(), account.getEmail(),
                "Choose your password for Physio Portal", EmailLayout.from(clinic.name())
                        .greeting(Clinic.firstName(account.getDisplayName()))
                        .paragraph(clinic.name() + " has made you an account on Physio Portal: your stretching plan, "
                                + "your cramp diary and your appointments, shared with your physio.")
                        .paragraph("You sign in with this email address, " + account.getEmail()
                                + ". To start, choose your own password:")
                        .button("Choose my password", link)
                        .paragraph("The link works once, until " + clinic.weekdayTime(expiresAt) + " (72 hours). "
                                + "If it has expired, call the clinic and ask for a new invitation.")
                        .paragraph("Not expecting this? Ignore this email: nothing happens unless the link is used.")
                        .render()).expiringAt(expiresAt));
    }

    void passwordReset(Account account, String token, Instant expiresAt) {
        String link = address.link("reset-password?t=" + token);
        outbox.enqueue(OutgoingEmail.of("PASSWORD_RESET", account.getId(), account.getEmail(),
                "Reset your Physio Portal password", EmailLayout.from(clinic.name())
                        .greeting(Clinic.firstName(account.getDisplayName()))
                        .paragraph("Someone, we hope you, asked to reset the password of your Physio Portal account, "
                                + account.getEmail() + ".")
                        .button("Choose a new password", link)
                        .paragraph("The link works once, for 30 minutes (until " + clinic.time(expiresAt)
                                + "). Choosing a new password signs you out on every device.")
                        .paragraph("Did not ask for this? Ignore this email: your password stays as it is.")
                        .render()).expiringAt(expiresAt));
    }

    /** To the new address; it names neither the person nor their old address, in case the new one was mistyped. */
    void emailChange(long accountId, String newEmail, String token, Instant expiresAt) {
        String link = address.link("confirm-email?t=" + token);
        outbox.enqueue(OutgoingEmail.of("EMAIL_CHANGE", accountId, newEmail,
                "Confirm your new sign-in email for Physio Portal", EmailLayout.from(clinic.name())
                        .paragraph("You asked to sign in to Physio Portal with this address, " + newEmail
                                + ", instead of your current one. Confirm it with the button:")
                        .button("Confirm this address", link)
                        .paragraph("The link works once, until " + clinic.weekdayTime(expiresAt) + " (24 hours). "
                                + "Until you confirm, you sign in with your current address.")
                        .paragraph("Not you? Ignore this email: nothing changes.")
                        .render()).expiringAt(expiresAt));
    }

    /**
     * To an address someone asked to move their account to, which already has an account: nothing changed. At most
     * once a day per address, so asking again and again cannot fill someone's inbox.
     */
    void addressTaken(String takenEmail) {
        String onceADay = "EMAIL_TAKEN:" + AccountLinks.hash(takenEmail).substring(0, 40) + ":" + clinic.today();
        outbox.enqueue(OutgoingEmail.of("EMAIL_CHANGE_TAKEN", null, takenEmail,
                "Physio Portal: this address already has an account", EmailLayout.from(clinic.name())
                        .paragraph("Someone signed in to Physio Portal asked to use this address, " + takenEmail
                                + ", for their account. It already belongs to an account, so nothing changed.")
                        .paragraph("If that was you, sign in with this address instead, or call the clinic.")
                        .render()).once(onceADay));
    }

    /** A helper's invitation: who asked them to help, and the link to choose their password. Names no health data. */
    void helperInvitation(Account helper, String patientName, String token, Instant expiresAt) {
        String link = address.link("welcome?t=" + token);
        outbox.enqueue(OutgoingEmail.of("INVITATION", helper.getId(), helper.getEmail(),
                patientName + " asks you to help on Physio Portal", EmailLayout.from(clinic.name())
                        .greeting(Clinic.firstName(helper.getDisplayName()))
                        .paragraph(patientName + " is a patient of " + clinic.name() + " and has asked you to help "
                                + "them follow their home exercise plan on Physio Portal. You get your own sign-in, "
                                + "with this email address, " + helper.getEmail() + ".")
                        .paragraph("To start, choose your own password:")
                        .button("Choose my password", link)
                        .paragraph("The link works once, until " + clinic.weekdayTime(expiresAt) + " (72 hours). If "
                                + "it has expired, ask " + Clinic.firstName(patientName) + " to send it again.")
                        .paragraph("Not expecting this? Ignore this email: nothing happens unless the link is used.")
                        .render()).expiringAt(expiresAt));
    }

    /** To a helper who has an account already: one more person asked them to help, or someone stopped their access. */
    void helperNotice(String email, String name, String subject, String what) {
        outbox.enqueue(OutgoingEmail.of("HELPER_NOTICE", null, email, subject, EmailLayout.from(clinic.name())
                .greeting(Clinic.firstName(name)).paragraph(what)
                .button("Open Physio Portal", address.link("")).render()));
    }
}
