package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and patient-to-physio assignments. Clinical data lives in the feature packages. */
@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    public record AccountSummary(long id, String email, String displayName, Role role, boolean enabled,
            String physioName) {
    }

    public record AssignedPatient(long id, String displayName, String email, LocalDate assignedSince) {
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

    /** Shown to the admin once, to pass on; it must be changed at the first sign-in. */
    public record OneTimePassword(long accountId, String email, String password) {
    }

    public record PhysioOption(long id, String displayName) {
    }

    public static class DuplicateEmailException extends RuntimeException {
        public DuplicateEmailException() {
            super("An account with this email address already exists");
        }
    }

    /** What the physio's patient page shows in its header. */
    public record PatientProfile(long id, String displayName, String email, LocalDate birthDate,
            LocalDate assignedSince, String physioName, String medications) {

        public Integer ageOn(LocalDate day) {
            return birthDate == null ? null : Period.between(birthDate, day).getYears();
        }
    }

    /** A refusal that belongs to one field of a form, with the words to show there. */
    public static class FieldProblem extends RuntimeException {
        private final String field;

        public FieldProblem(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final AccountRepository accounts;
    private final PatientRepository patients;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CurrentUser currentUser;
    private final PatientAccess patientAccess;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;

    AccountService(AccountRepository accounts, PatientRepository patients, PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy, CurrentUser currentUser, PatientAccess patientAccess, AuditService audit,
            Validator validator, Clock clock) {
        this.accounts = accounts;
        this.patients = patients;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.currentUser = currentUser;
        this.patientAccess = patientAccess;
        this.audit = audit;
        this.validator = validator;
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
        Map<Long, Long> physioOf = patients.findAll().stream()
                .collect(Collectors.toMap(Patient::getAccountId, Patient::getPhysioId));
        return all.stream()
                .map(a -> new AccountSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.isEnabled(),
                        names.get(physioOf.get(a.getId()))))
                .toList();
    }

    /** The signed-in physio's caseload, by name. */
    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional(readOnly = true)
    public List<AssignedPatient> myPatients() {
        List<Patient> assigned = patients.findByPhysioId(currentUser.require().id());
        Map<Long, Account> byId = accounts.findAllById(assigned.stream().map(Patient::getAccountId).toList())
                .stream().collect(Collectors.toMap(Account::getId, Function.identity()));
        return assigned.stream()
                .map(p -> {
                    Account a = byId.get(p.getAccountId());
                    return new AssignedPatient(a.getId(), a.getDisplayName(), a.getEmail(), p.getAssignedSince());
                })
                .sorted((x, y) -> x.displayName().compareToIgnoreCase(y.displayName()))
                .toList();
    }

    /** Creates a physio or admin account. Patients come through {@link #createPatient}. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createStaff(@Valid NewAccount account) {
        if (account.role() == Role.PATIENT) {
            throw new IllegalArgumentException("Patients need a physio: use createPatient");
        }
        return insert(account).getId();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createPatient(@Valid NewAccount account, long physioId, LocalDate birthDate, LocalDate assignedSince) {
        if (account.role() != Role.PATIENT) {
            throw new IllegalArgumentException("Not a patient account");
        }
        Account physio = requirePhysio(physioId);
        Account patient = insert(account);
        patients.save(new Patient(patient.getId(), physio.getId(),
                assignedSince == null ? LocalDate.now(clock) : assignedSince, birthDate));
        audit.record(AuditAction.PATIENT_ASSIGNED, patient.getId(), "assigned to " + physio.getEmail());
        return patient.getId();
    }

    private Account insert(NewAccount account) {
        validate(account);
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

    private void validate(Object form) {
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    @Transactional(readOnly = true)
    public PatientProfile patientProfile(long patientId) {
        patientAccess.check(patientId);
        Patient patient = patients.findById(patientId).orElseThrow();
        Account account = accounts.findById(patientId).orElseThrow();
        String physio = accounts.findById(patient.getPhysioId()).map(Account::getDisplayName).orElse("?");
        return new PatientProfile(patientId, account.getDisplayName(), account.getEmail(), patient.getBirthDate(),
                patient.getAssignedSince(), physio, patient.getMedications());
    }

    /** The physio records the patient's relevant medicines (the guide names diuretics and statins). */
    @Transactional
    public void updateMedications(long patientId, String medications) {
        PortalUser user = patientAccess.checkAs(patientId, Role.PHYSIO, "record medicines");
        String value = medications == null || medications.isBlank() ? null : medications.strip();
        if (value != null && value.length() > 300) {
            throw new FieldProblem("medications", "At most 300 characters");
        }
        Patient patient = patients.findById(patientId).orElseThrow();
        String before = patient.getMedications();
        patient.setMedications(value);
        audit.record(AuditAction.MEDICATIONS_UPDATED, patientId, "from '" + before + "' to '" + value + "'");
    }

    /** Display names of accounts, e.g. the authors of notes; names are shown to anyone signed in. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        return accounts.findAllById(ids).stream().collect(Collectors.toMap(Account::getId, Account::getDisplayName));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PhysioOption> listPhysios() {
        return accounts.findAllByOrderByRoleAscDisplayNameAsc().stream()
                .filter(a -> a.getRole() == Role.PHYSIO && a.isEnabled())
                .map(a -> new PhysioOption(a.getId(), a.getDisplayName()))
                .toList();
    }

    /** Creates an account with a one-time password that must be changed at the first sign-in. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OneTimePassword createWithOneTimePassword(AccountForm form) {
        validate(form);
        Account physio = null;
        if (form.role() == Role.PATIENT) {
            physio = requirePhysio(form.physioId());
        }
        String password = passwordPolicy.oneTimePassword();
        Account saved = insert(form.displayName(), form.email(), form.role(), password, true);
        if (physio != null) {
            patients.save(new Patient(saved.getId(), physio.getId(), LocalDate.now(clock), form.birthDate()));
            audit.record(AuditAction.PATIENT_ASSIGNED, saved.getId(), "assigned to " + physio.getEmail());
        }
        return new OneTimePassword(saved.getId(), saved.getEmail(), password);
    }

    /** Assigns a patient to another physio; the previous physio loses access with the next request. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void reassign(long patientId, Long physioId) {
        Patient patient = patients.findById(patientId).orElseThrow(() -> new IllegalArgumentException("Not a patient"));
        Account physio = requirePhysio(physioId);
        if (physio.getId().equals(patient.getPhysioId())) {
            return;
        }
        String previous = accounts.findById(patient.getPhysioId()).map(Account::getEmail).orElse("?");
        patient.assignTo(physio.getId(), LocalDate.now(clock));
        audit.record(AuditAction.PATIENT_ASSIGNED, patientId, "from " + previous + " to " + physio.getEmail());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        if (!enabled && account.getId() == currentUser.require().id()) {
            throw new FieldProblem("enabled", "You cannot disable your own account");
        }
        if (account.isEnabled() == enabled) {
            return;
        }
        account.setEnabled(enabled);
        audit.record(enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED,
                account.getRole() == Role.PATIENT ? accountId : null, account.getEmail());
    }

    /** Replaces the password with a one-time password, to be passed on to the person and changed at sign-in. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OneTimePassword resetPassword(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        String password = passwordPolicy.oneTimePassword();
        account.changePassword(passwordEncoder.encode(password), true);
        audit.record(AuditAction.PASSWORD_RESET, account.getRole() == Role.PATIENT ? accountId : null,
                account.getEmail());
        return new OneTimePassword(accountId, account.getEmail(), password);
    }

    /** The signed-in person changes their own password; the current one is required. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        PortalUser user = currentUser.require();
        Account account = accounts.findById(user.id()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new FieldProblem("currentPassword", "That is not your current password");
        }
        passwordPolicy.problemWith(newPassword, account.getEmail())
                .ifPresent(problem -> {
                    throw new FieldProblem("newPassword", problem);
                });
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new FieldProblem("newPassword", "Choose a password different from the current one");
        }
        account.changePassword(passwordEncoder.encode(newPassword), false);
        audit.record(AuditAction.PASSWORD_CHANGED, account.getRole() == Role.PATIENT ? account.getId() : null, null);
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
                .orElseThrow(() -> new FieldProblem("physioId", "Choose a physio"));
    }
}
