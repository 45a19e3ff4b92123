package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.clinic.Clinic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new patient is invited by email: a single-use link, valid 72 hours, to the page where they choose their own
 * password. Until they do, the account has a password nobody knows, so no password signs it in. The admin sees
 * whether the invitation is outstanding, and resends (a new link; the old one stops working) or revokes it.
 */
@Service
public class Invitations {

    public static final Duration LIFETIME = Duration.ofHours(72);

    /** An invitation just sent. */
    public record Invitation(long accountId, String email, Instant expiresAt) {
    }

    /**
     * Where an account's invitation stands, for the admin.
     *
     * @param pending whether the person has yet to choose a password through an invitation (or a reset)
     * @param state   the latest invitation's state (READY = outstanding), or null if none was ever sent
     */
    public record InvitationStatus(boolean pending, @Nullable Instant sentAt, @Nullable Instant expiresAt,
            @Nullable Instant usedAt, @Nullable LinkState state) {
    }

    private final AccountRepository accounts;
    private final AccountLinks links;
    private final AccountLinkEmails emails;
    private final LinkPasswords passwords;
    private final AuditService audit;
    private final Clinic clinic;
    private final Clock clock;

    Invitations(AccountRepository accounts, AccountLinks links, AccountLinkEmails emails, LinkPasswords passwords,
            AuditService audit, Clinic clinic, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.emails = emails;
        this.passwords = passwords;
        this.audit = audit;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** Issues and emails an invitation in the caller's transaction (the account's creation, or a resend). */
    @Transactional(propagation = Propagation.MANDATORY)
    Invitation send(Account account) {
        return issue(account, account.getId(), "to " + account.getEmail(),
                (token, expiresAt) -> emails.invitation(account, token, expiresAt));
    }

    /** A helper's invitation, sent for the patient who invited them, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Invitation sendToHelper(Account helper, long patientId, String patientName) {
        return issue(helper, patientId, "helper invitation to " + helper.getEmail(),
                (token, expiresAt) -> emails.helperInvitation(helper, patientName, token, expiresAt));
    }

    /** A new link (the account's earlier one stops working), its email, and the audit record. */
    private Invitation issue(Account account, @Nullable Long auditedPatient, String what,
            java.util.function.BiConsumer<String, Instant> email) {
        Instant expiresAt = SessionGuard.micros(clock.instant()).plus(LIFETIME);
        String token = links.issue(AccountLinks.Purpose.INVITATION, account.getId(), null, expiresAt);
        email.accept(token, expiresAt);
        audit.record(AuditAction.INVITATION_SENT, auditedPatient, what + ", valid until " + clinic.stamp(expiresAt));
        return new Invitation(account.getId(), account.getEmail(), expiresAt);
    }

    /** A new invitation for someone who has not chosen a password yet; the earlier link stops working. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Invitation resend(long accountId) {
        Account account = invitable(accountId);
        return send(account);
    }

    /** The outstanding invitation stops working (sent to a wrong address, say). Returns whether there was one. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean revoke(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        boolean revoked = links.revokeOutstanding(accountId, AccountLinks.Purpose.INVITATION) > 0;
        if (revoked) {
            audit.record(AuditAction.INVITATION_REVOKED, patientId(account), "invitation to " + account.getEmail());
        }
        return revoked;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public InvitationStatus status(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        Optional<AccountLinks.Link> latest = links.latest(accountId, AccountLinks.Purpose.INVITATION);
        return latest.map(link -> new InvitationStatus(account.isInvitationPending(), link.createdAt(),
                        link.expiresAt(), link.usedAt(), links.state(link)))
                .orElseGet(() -> new InvitationStatus(account.isInvitationPending(), null, null, null, null));
    }

    /** What the welcome page shows before the password is chosen. Changes nothing. */
    @Transactional(readOnly = true)
    public LinkPreview preview(String token) {
        return links.preview(AccountLinks.Purpose.INVITATION, token);
    }

    /**
     * The invited person chooses their password (the portal's policy; refused at the field "password", and the link
     * stays unused). A used, expired, revoked or unknown link is refused, audited, and changes nothing.
     */
    @Transactional
    public LinkPreview accept(String token, String password) {
        return links.use(AccountLinks.Purpose.INVITATION, token, (link, account) -> {
            passwords.set(account, password);
            links.revokeOutstanding(account.getId());
            audit.recordAs(account.getEmail(), AuditAction.INVITATION_ACCEPTED, patientId(account),
                    "password chosen through invitation " + link.id());
            return LinkState.DONE;
        });
    }

    private Account invitable(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        if (!account.isInvitationPending()) {
            throw new InvalidInput("invitation", account.getDisplayName() + " has chosen a password already. If they "
                    + "have forgotten it, send them a password reset link.");
        }
        if (!account.isEnabled()) {
            throw new InvalidInput("invitation", "The account is disabled. Enable it first.");
        }
        return account;
    }

    private static @Nullable Long patientId(Account account) {
        return account.getRole() == Role.PATIENT ? account.getId() : null;
    }
}
