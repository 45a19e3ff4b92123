package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A person changes the email they sign in with: they give their current password, a single-use link valid 24 hours
 * goes to the new address, and only opening it and confirming there changes the address. Then every session of the
 * account ends (they sign in with the new address) and the old address is told. The answer to a request is the same
 * whether or not the new address already has an account, so the form reveals no one's account; such an address is
 * told instead (at most once a day) and nothing changes.
 */
@Service
@Validated
public class EmailChanges {

    public static final Duration LIFETIME = Duration.ofHours(24);
    static final int PER_HOUR = 3;

    /** What the form holds. */
    public record EmailChange(
            @NotBlank(message = "Enter the new email address") @Email(message = "Enter a valid email address")
            @Size(max = 254, message = "At most 254 characters") String newEmail,
            @Nullable String currentPassword) {

        public EmailChange {
            newEmail = newEmail == null ? null : newEmail.strip();
        }
    }

    private final AccountRepository accounts;
    private final AccountLinks links;
    private final AccountLinkEmails emails;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailChanges(AccountRepository accounts, AccountLinks links, AccountLinkEmails emails, PasswordEncoder encoder,
            CurrentUser currentUser, AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.emails = emails;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends the confirmation link to the new address; returns until when it works. Refused at the field: a wrong
     * current password ("currentPassword"), the address already theirs or more than {@value #PER_HOUR} requests
     * within the hour ("newEmail").
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Instant request(@Valid EmailChange change) {
        Account account = accounts.findById(currentUser.require().id()).orElseThrow();
        Instant now = SessionGuard.micros(clock.instant());
        if (links.issuedSince(account.getId(), AccountLinks.Purpose.EMAIL_CHANGE, now.minus(Duration.ofHours(1)))
                >= PER_HOUR) {
            throw new InvalidInput("newEmail", "You asked for " + PER_HOUR + " confirmation emails within the hour. "
                    + "Use the newest one, or try again later.");
        }
        if (change.currentPassword() == null || !encoder.matches(change.currentPassword(), account.getPasswordHash())) {
            audit.record(AuditAction.EMAIL_CHANGE_REQUESTED, patientId(account), "refused: wrong current password");
            throw new InvalidInput("currentPassword", "That is not your current password");
        }
        String newEmail = Account.normaliseEmail(change.newEmail());
        if (newEmail.equals(account.getEmail())) {
            throw new InvalidInput("newEmail", "That is your sign-in email already");
        }
        Instant expiresAt = now.plus(LIFETIME);
        if (accounts.existsByEmail(newEmail)) {
            emails.addressTaken(newEmail);
            audit.record(AuditAction.EMAIL_CHANGE_REQUESTED, patientId(account), "to " + newEmail
                    + ", which has an account: nothing changed, that address told");
            return expiresAt;
        }
        String token = links.issue(AccountLinks.Purpose.EMAIL_CHANGE, account.getId(), newEmail, expiresAt);
        emails.emailChange(account.getId(), newEmail, token, expiresAt);
        audit.record(AuditAction.EMAIL_CHANGE_REQUESTED, patientId(account), "confirmation link sent to " + newEmail);
        return expiresAt;
    }

    /** What the confirmation page shows before the change is confirmed. Changes nothing. */
    @Transactional(readOnly = true)
    public LinkPreview preview(String token) {
        return links.preview(AccountLinks.Purpose.EMAIL_CHANGE, token);
    }

    /**
     * Moves the account to the new address, ends every session of the account, cancels its other links (a reset
     * link went to the old address) and tells the old address. A used, expired, revoked or unknown link, or a new
     * address that has meanwhile become another account's, is refused, audited, and changes nothing.
     */
    @Transactional
    public LinkPreview confirm(String token) {
        return links.use(AccountLinks.Purpose.EMAIL_CHANGE, token, (link, account) -> {
            String newEmail = link.newEmail();
            if (newEmail == null || accounts.existsByEmail(newEmail)) {
                return LinkState.ADDRESS_TAKEN;
            }
            String oldEmail = account.getEmail();
            account.changeEmail(newEmail);
            account.endSessions(SessionGuard.micros(clock.instant()));
            links.revokeOutstanding(account.getId());
            audit.recordAs(newEmail, AuditAction.EMAIL_CHANGED, patientId(account), "from " + oldEmail + " to "
                    + newEmail + " with link " + link.id() + "; every session ended");
            events.publishEvent(new SecurityNotice(oldEmail, account.getDisplayName(), "Your sign-in email was changed",
                    "The sign-in email of your Physio Portal account was changed to " + newEmail + ". From now on "
                    + "you sign in with that address, and every device was signed out."));
            return LinkState.DONE;
        });
    }

    private static @Nullable Long patientId(Account account) {
        return account.getRole() == Role.PATIENT ? account.getId() : null;
    }
}
