package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Accounts and patient-to-physio assignments. Clinical data lives in the feature packages. */
@Service
@Validated
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    /** @param invitationPending a patient invited by email who has not chosen a password yet */
    public record AccountSummary(long id, String email, String displayName, Role role, boolean enabled,
            String physioName, boolean invitationPending) {
    }

    public record NewAccount(
            @NotBlank(message = "Enter a name") @Size(max = 120, message = "At most 120 characters") String displayName,
            @NotBlank(message = "Enter an email address") @Email(message = "Enter a valid email address")
            @Size(max = 254, message = "At most 254 characters") String email,
            @NotNull(message = "Choose a role") Role role,
            @NotNull @Size(min = MIN_PASSWORD_LENGTH, max = 128,
                    message = "Use at least " + MIN_PASSWORD_LENGTH + " characters") String initialPassword) {

        public NewAccount {
            displayName = displayName == null ? null : displayName.strip();
            email = email == null ? null : email.strip();
        }
    }

    /** What an admin fills in for a new account; the portal makes the first password. */
    public record AccountForm(
            @NotBlank(message = "Enter a name") @Size(max = 120, message = "At most 120 characters") String displayName,
            @NotBlank(message = "Enter an email address") @Email(message = "Enter a valid email address")
            @Size(max = 254, message = "At most 254 characters") String email,
            @NotNull(message = "Choose a role") Role role,
            Long physioId,
            @Past(message = "A date of birth is in the past") LocalDate birthDate) {

        public AccountForm {
            displayName = displayName == null ? null : displayName.strip();
            email = email == null ? null : email.strip();
        }
    }

    /** Shown to the admin once, to pass on to a staff member; it must be changed at the first sign-in. */
    public record OneTimePassword(long accountId, String email, String password) {
    }

    public record PhysioOption(long id, String displayName) {
    }

    public static class DuplicateEmailException extends InvalidInput {
        public DuplicateEmailException() {
            this("An account with this email address already exists");
        }

        DuplicateEmailException(String message) {
            super("email", message);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final PatientAssignments assignments;
    private final Directory directory;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Invitations invitations;
    private final AccountLinks links;

    AccountService(AccountRepository accounts, PatientAssignments assignments, Directory directory,
            PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, CurrentUser currentUser, AuditService audit,
            Clock clock, ApplicationEventPublisher events, Invitations invitations, AccountLinks links) {
        this.events = events;
        this.invitations = invitations;
        this.links = links;
        this.accounts = accounts;
        this.assignments = assignments;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountSummary> listAccounts() {
        List<Account> all = accounts.findAllByOrderByRoleAscDisplayNameAsc();
        Map<Long, String> names = all.stream().collect(Collectors.toMap(Account::getId, Account::getDisplayName));
        Map<Long, Long> physioOf = assignments.physioOfEach(all.stream()
                .filter(a -> a.getRole() == Role.PATIENT).map(Account::getId).toList());
        return all.stream()
                .map(a -> new AccountSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.isEnabled(),
                        names.get(physioOf.get(a.getId())), a.isInvitationPending()))
                .toList();
    }

    /** Creates a physio or admin account. Patients come through the patient module, which assigns them a physio. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createStaff(@Valid NewAccount account) {
        if (account.role() == Role.PATIENT) {
            throw new IllegalArgumentException("Patients need a physio: use PatientService");
        }
        return insert(account).getId();
    }

    /**
     * The sign-in account of a new patient with a password chosen for it: for the portal's own work only (the demo
     * clinic, tests). A person at the clinic never sets a patient's password; they invite the patient instead.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createPatientLogin(@Valid NewAccount account) {
        if (account.role() != Role.PATIENT) {
            throw new IllegalArgumentException("Not a patient account");
        }
        if (currentUser.get().isPresent()) {
            throw new AccessDeniedException("Patients choose their own password: invite them by email");
        }
        return insert(account).getId();
    }

    /**
     * The sign-in account of a new patient, invited by email to choose their password (the patient module records
     * who treats them). Until they do, no password signs the account in. An address that already has an account is
     * refused at the field, audited, and nothing is saved or sent.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'PHYSIO')")
    @Transactional
    public Invitations.Invitation createInvitedPatient(@Valid AccountForm form) {
        if (form.role() != Role.PATIENT) {
            throw new IllegalArgumentException("Not a patient account");
        }
        String email = Account.normaliseEmail(form.email());
        if (accounts.existsByEmail(email)) {
            audit.record(AuditAction.INVITATION_REFUSED, null, "to " + email + ": the address already has an account");
            throw new DuplicateEmailException("An account with this email address already exists: nothing was sent. "
                    + "Find it under Accounts to resend its invitation or send a password reset link.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        // A password nobody is told, hashed like any other: until the invitation is used, signing in fails exactly as
        // a wrong password does, in the same time.
        String unknowable = passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
        Account saved = accounts.save(Account.invited(email, form.displayName(), unknowable, clock.instant()));
        audit.record(AuditAction.ACCOUNT_CREATED, saved.getId(), Role.PATIENT + " " + email + ", invited by email");
        return invitations.send(saved);
    }

    /** An enabled physio to assign a patient to, or the form's physio field says to choose one. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Directory.Person requireActivePhysio(Long physioId) {
        Account physio = requirePhysio(physioId);
        return new Directory.Person(physio.getId(), physio.getDisplayName(), physio.getEmail());
    }

    private Account insert(NewAccount account) {
        // One password policy everywhere: a password given at creation meets the same rules as a changed one.
        // Only the demo clinic's seeding may use its published password (which the list refuses to everyone else).
        if (!SystemTasks.isSeeding()) {
            passwordPolicy.problemWith(account.initialPassword(), account.email()).ifPresent(problem -> {
                throw new InvalidInput("initialPassword", problem);
            });
        }
        return insert(account.displayName(), account.email(), account.role(), account.initialPassword(), false);
    }

    private Account insert(String displayName, String rawEmail, Role role, String password, boolean temporary) {
        String email = Account.normaliseEmail(rawEmail);
        if (accounts.existsByEmail(email)) {
            throw new DuplicateEmailException();
        }
        Account saved = accounts.save(
                new Account(email, displayName, passwordEncoder.encode(password), temporary, role, clock.instant()));
        audit.record(AuditAction.ACCOUNT_CREATED, role == Role.PATIENT ? saved.getId() : null, role + " " + email);
        return saved;
    }

    /** Display names of accounts, e.g. the authors of notes; names are shown to anyone signed in. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        return directory.people(ids).values().stream()
                .collect(Collectors.toMap(Directory.Person::id, Directory.Person::name));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PhysioOption> listPhysios() {
        return accounts.findAllByOrderByRoleAscDisplayNameAsc().stream()
                .filter(a -> a.getRole() == Role.PHYSIO && a.isEnabled())
                .map(a -> new PhysioOption(a.getId(), a.getDisplayName()))
                .toList();
    }

    /**
     * Creates a staff account with a one-time password that must be changed at the first sign-in. Patients come
     * through the patient module, which also assigns their physio.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OneTimePassword createWithOneTimePassword(@Valid AccountForm form) {
        if (form.role() == Role.PATIENT) {
            throw new IllegalArgumentException("Patients need a physio: use PatientService");
        }
        String password = passwordPolicy.oneTimePassword();
        Account saved = insert(form.displayName(), form.email(), form.role(), password, true);
        return new OneTimePassword(saved.getId(), saved.getEmail(), password);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        if (!enabled && account.getId() == currentUser.require().id()) {
            throw new InvalidInput("enabled", "You cannot disable your own account");
        }
        if (account.isEnabled() == enabled) {
            return;
        }
        account.setEnabled(enabled);
        if (!enabled) {
            account.endSessions(SessionGuard.micros(clock.instant()));
            links.revokeOutstanding(accountId);
        }
        audit.record(enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED,
                account.getRole() == Role.PATIENT ? accountId : null, account.getEmail());
    }

    /**
     * Replaces a staff member's password with a one-time password, to be passed on and changed at sign-in. Patients
     * are sent a reset link instead (PasswordResets.sendLink): the clinic never sees or sets a patient's password.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OneTimePassword resetPassword(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        if (account.getRole() == Role.PATIENT) {
            throw new IllegalArgumentException("Patients reset their own password: send them a reset link");
        }
        String password = passwordPolicy.oneTimePassword();
        account.changePassword(passwordEncoder.encode(password), true, clock.instant());
        account.endSessions(SessionGuard.micros(clock.instant()));
        audit.record(AuditAction.PASSWORD_RESET, account.getRole() == Role.PATIENT ? accountId : null,
                account.getEmail());
        events.publishEvent(new SecurityNotice(account.getEmail(), account.getDisplayName(),
                "Your password was reset by the clinic", "The clinic set a one-time password for your Physio Portal "
                + "account; your earlier password no longer works and every device was signed out. The one-time "
                + "password works for 72 hours; you choose your own when you first sign in with it."));
        return new OneTimePassword(accountId, account.getEmail(), password);
    }

    /** The signed-in person changes their own password; the current one is required. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        PortalUser user = currentUser.require();
        Account account = accounts.findById(user.id()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InvalidInput("currentPassword", "That is not your current password");
        }
        passwordPolicy.problemWith(newPassword, account.getEmail())
                .ifPresent(problem -> {
                    throw new InvalidInput("newPassword", problem);
                });
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new InvalidInput("newPassword", "Choose a password different from the current one");
        }
        account.changePassword(passwordEncoder.encode(newPassword), false, clock.instant());
        // Every other session of the account ends (a stolen session included); this one stays signed in.
        Instant now = SessionGuard.micros(clock.instant());
        account.endSessions(now);
        SessionGuard.keepCurrentSession(now);
        // A reset link asked for before the change would undo it.
        links.revokeOutstanding(account.getId(), AccountLinks.Purpose.PASSWORD_RESET);
        audit.record(AuditAction.PASSWORD_CHANGED, account.getRole() == Role.PATIENT ? account.getId() : null, null);
        events.publishEvent(new SecurityNotice(account.getEmail(), account.getDisplayName(), "Your password was changed",
                "The password of your Physio Portal account was changed, and your other devices were signed out."));
    }

    /** Whether the signed-in person still holds a one-time password (read fresh, not from the session). */
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return currentUser.get().flatMap(user -> accounts.findById(user.id()))
                .map(Account::isMustChangePassword).orElse(false);
    }

    private Account requirePhysio(Long physioId) {
        return (physioId == null ? Optional.<Account>empty() : accounts.findById(physioId))
                .filter(a -> a.getRole() == Role.PHYSIO && a.isEnabled())
                .orElseThrow(() -> new InvalidInput("physioId", "Choose a physio"));
    }
}
