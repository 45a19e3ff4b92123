package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.clinic.Clinic;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's family member or carer, invited by the patient to help: their own account (role HELPER) and sign-in,
 * and a grant per patient, "view only" or "view and record". The patient manages their helpers; the admin may end
 * any grant; the patient's physio sees who helps. A helper sees the patient's Today, plan, diary, progress and
 * appointments, never their clinical notes, messages, data download or access history.
 */
@Service
public class Helpers {

    /** More than this many helpers at once is not a family any more: the clinic is asked instead. */
    public static final int MAX_ACTIVE = 5;
    private static final int MAX_INVITATIONS_PER_DAY = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A helper as the patient, their physio and the admin see them. */
    public record Helper(long grantId, long helperId, String name, String email, @Nullable String relationship,
            boolean mayRecord, Instant since, boolean invitationPending) {

        /** "Peter Ellis (husband)". */
        public String label() {
            return relationship == null ? name : name + " (" + relationship + ")";
        }

        public String permission() {
            return mayRecord ? "view and record" : "view only";
        }
    }

    /** Someone a helper helps. */
    public record Helped(long grantId, long patientId, String name, boolean mayRecord) {
    }

    private final HelperGrants grants;
    private final AccountRepository accounts;
    private final PatientAccess access;
    private final CurrentUser currentUser;
    private final Invitations invitations;
    private final AccountLinkEmails emails;
    private final AccountLinks links;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Clock clock;

    Helpers(HelperGrants grants, AccountRepository accounts, PatientAccess access, CurrentUser currentUser,
            Invitations invitations, AccountLinkEmails emails, AccountLinks links, PasswordEncoder passwordEncoder, AuditService audit,
            Clock clock) {
        this.grants = grants;
        this.accounts = accounts;
        this.access = access;
        this.currentUser = currentUser;
        this.invitations = invitations;
        this.emails = emails;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The patient asks someone to help. A new address gets an account and an invitation to choose a password; an
     * address that is already a helper's (helping someone else) gets this patient added and an email saying so. An
     * address of a patient or of staff, someone who helps already, or a sixth helper: refused at the field, audited,
     * nothing saved or sent.
     */
    @Transactional
    public Helper invite(long patientId, String name, String email, @Nullable String relationship, boolean mayRecord) {
        PortalUser patient = access.checkAs(patientId, Role.PATIENT, "invite a helper");
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new InvalidInput("name", cleanName.isEmpty() ? "Enter your helper's name"
                    : "A name can be at most 120 characters");
        }
        String address = Account.normaliseEmail(email);
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw new InvalidInput("email", "Enter an email address like name@example.org");
        }
        String cleanRelationship = relationship == null || relationship.isBlank() ? null : relationship.strip();
        if (cleanRelationship != null && cleanRelationship.length() > 40) {
            throw new InvalidInput("relationship", "At most 40 characters, such as \"husband\" or \"carer\"");
        }
        grants.lockPatient(patientId);
        List<HelperGrants.Grant> active = grants.activeOfPatient(patientId);
        if (active.size() >= MAX_ACTIVE) {
            refuse(patientId, address, "already " + MAX_ACTIVE + " helpers");
            throw new InvalidInput("email", "You have " + MAX_ACTIVE + " helpers already. Remove one first, or ask "
                    + "the clinic.");
        }
        if (invitedToday(patientId) >= MAX_INVITATIONS_PER_DAY) {
            refuse(patientId, address, "more than " + MAX_INVITATIONS_PER_DAY + " invitations today");
            throw new InvalidInput("email", "You have sent " + MAX_INVITATIONS_PER_DAY + " invitations today. Please "
                    + "try again tomorrow.");
        }
        Instant now = clock.instant();
        Optional<Account> existing = accounts.findByEmail(address);
        Account helper;
        if (existing.isPresent()) {
            helper = existing.get();
            if (helper.getRole() != Role.HELPER) {
                refuse(patientId, address, "the address has a " + helper.getRole() + " account");
                throw new InvalidInput("email", "This address belongs to another Physio Portal account, so it cannot "
                        + "be a helper's. Ask your helper for a different address, or call the clinic.");
            }
            if (active.stream().anyMatch(g -> g.helperId() == helper.getId())) {
                refuse(patientId, address, "already helps");
                throw new InvalidInput("email", helper.getDisplayName() + " helps you already.");
            }
            if (!helper.isEnabled()) {
                refuse(patientId, address, "the helper's account is disabled");
                throw new InvalidInput("email", "The clinic has closed this helper's account. Please call the clinic.");
            }
        } else {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            helper = accounts.save(Account.invited(address, cleanName, Role.HELPER,
                    passwordEncoder.encode(Base64.getEncoder().encodeToString(secret)), now));
            audit.record(AuditAction.ACCOUNT_CREATED, patientId, Role.HELPER + " " + address + ", invited by the patient");
        }
        long grantId = grants.insert(patientId, helper.getId(), cleanRelationship, mayRecord, now);
        audit.record(AuditAction.HELPER_INVITED, patientId, "helper " + helper.getId() + " " + address + ", "
                + (mayRecord ? "view and record" : "view only") + ", grant " + grantId);
        if (existing.isPresent() && !helper.isInvitationPending()) {
            emails.helperNotice(address, helper.getDisplayName(), patient.displayName() + " asks you to help",
                    patient.displayName() + " has asked you to help them on Physio Portal ("
                            + (mayRecord ? "to see and record" : "to see") + " their plan, diary and progress). Sign "
                            + "in as usual; the menu lets you switch between the people you help.");
        } else {
            invitations.sendToHelper(helper, patientId, patient.displayName());
        }
        return toHelper(grants.byId(grantId).orElseThrow());
    }

    /**
     * The demo clinic's helper, with the demo password and a grant from some weeks ago: for seeding only, never for a
     * person (a real helper is invited and chooses their own password).
     */
    @Transactional
    public long recordDemoHelper(long patientId, String name, String email, String password, String relationship,
            boolean mayRecord, Instant since) {
        if (!SystemTasks.isSeeding()) {
            throw new AccessDeniedException("Helpers are invited by their patient");
        }
        Account helper = accounts.save(new Account(email, name, passwordEncoder.encode(password), false, Role.HELPER,
                since));
        grants.insert(patientId, helper.getId(), relationship, mayRecord, since);
        audit.record(AuditAction.HELPER_INVITED, patientId, "demo helper " + helper.getId() + " " + email);
        return helper.getId();
    }

    /** The patient's helpers now: the patient, their physio (audited as a look at the record) and the admin. */
    @Transactional(readOnly = true)
    public List<Helper> helpersOf(long patientId) {
        if (currentUser.require().role() != Role.ADMIN) {
            access.check(patientId);
        }
        return grants.activeOfPatient(patientId).stream().map(Helpers::toHelper).toList();
    }

    /** Whom this helper helps now: the helper themself, or the admin. */
    @Transactional(readOnly = true)
    public List<Helped> helpedBy(long helperId) {
        PortalUser user = currentUser.require();
        if (user.id() != helperId && user.role() != Role.ADMIN) {
            audit.record(AuditAction.ACCESS_DENIED, null, "helpers of account " + helperId);
            throw new AccessDeniedException("You may not see whom this person helps.");
        }
        return grants.activeOfHelper(helperId).stream()
                .map(g -> new Helped(g.id(), g.patientId(), g.patientName(), g.mayRecord())).toList();
    }

    /** The patient changes a helper between "view only" and "view and record". */
    @Transactional
    public void setMayRecord(long patientId, long grantId, boolean mayRecord) {
        access.checkAs(patientId, Role.PATIENT, "change a helper's access");
        HelperGrants.Grant grant = activeGrant(patientId, grantId);
        if (grant.mayRecord() != mayRecord && grants.setMayRecord(grantId, mayRecord)) {
            audit.record(AuditAction.HELPER_CHANGED, patientId, "helper " + grant.helperId() + ": "
                    + (mayRecord ? "view and record" : "view only"));
        }
    }

    /** A new invitation link for a helper who has not chosen a password yet (the earlier link stops working). */
    @Transactional
    public Invitations.Invitation resendInvitation(long patientId, long grantId) {
        PortalUser patient = access.checkAs(patientId, Role.PATIENT, "resend a helper's invitation");
        HelperGrants.Grant grant = activeGrant(patientId, grantId);
        Account helper = accounts.findById(grant.helperId()).orElseThrow();
        if (!helper.isInvitationPending()) {
            throw new InvalidInput("invitation", helper.getDisplayName() + " has chosen a password already.");
        }
        return invitations.sendToHelper(helper, patientId, patient.displayName());
    }

    /**
     * Ends a helper's access: the patient for their own helpers, or the admin for anyone. Takes effect at the
     * helper's next request; the helper is told by email. An invitation not used yet stops working when its
     * account helps nobody any more.
     */
    @Transactional
    public void revoke(long grantId) {
        PortalUser user = currentUser.require();
        HelperGrants.Grant grant = grants.byId(grantId).orElseThrow(() -> denied(null, grantId));
        if (user.role() != Role.ADMIN) {
            access.checkAs(grant.patientId(), Role.PATIENT, "remove a helper");
        }
        if (grant.revokedAt() != null || !grants.revoke(grantId, user.email(), clock.instant())) {
            return;
        }
        audit.record(AuditAction.HELPER_REVOKED, grant.patientId(), "helper " + grant.helperId() + " "
                + grant.helperEmail() + " by " + (user.role() == Role.ADMIN ? "the clinic" : "the patient"));
        if (grants.activeOfHelper(grant.helperId()).isEmpty() && grant.invitationPending()) {
            links.revokeOutstanding(grant.helperId(), AccountLinks.Purpose.INVITATION);
        }
        if (!grant.invitationPending()) {
            emails.helperNotice(grant.helperEmail(), grant.helperName(), "Your access to " + grant.patientName()
                    + "'s Physio Portal has ended", (user.role() == Role.ADMIN ? "The clinic" : grant.patientName())
                    + " has ended your access as a helper. You no longer see " + grant.patientName() + "'s plan, "
                    + "diary or progress. If this is a surprise, talk to " + Clinic.firstName(grant.patientName())
                    + " or call the clinic.");
        }
    }

    private HelperGrants.Grant activeGrant(long patientId, long grantId) {
        return grants.byId(grantId).filter(g -> g.patientId() == patientId && g.revokedAt() == null)
                .orElseThrow(() -> denied(patientId, grantId));
    }

    private AccessDeniedException denied(@Nullable Long patientId, long grantId) {
        audit.record(AuditAction.ACCESS_DENIED, patientId, "helper grant " + grantId + " is not this patient's");
        return new AccessDeniedException("That helper is not one of yours (they may have been removed already).");
    }

    private void refuse(long patientId, String address, String why) {
        audit.record(AuditAction.HELPER_INVITATION_REFUSED, patientId, "to " + address + ": " + why);
    }

    private int invitedToday(long patientId) {
        return grants.countGrantedSince(patientId, clock.instant().minus(Duration.ofDays(1)));
    }

    private static Helper toHelper(HelperGrants.Grant g) {
        return new Helper(g.id(), g.helperId(), g.helperName(), g.helperEmail(), g.relationship(), g.mayRecord(),
                g.grantedAt(), g.invitationPending());
    }
}
