package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

    public static final int MIN_PASSWORD_LENGTH = 12;

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

    public static class DuplicateEmailException extends RuntimeException {
        public DuplicateEmailException() {
            super("An account with this email address already exists");
        }
    }

    private final AccountRepository accounts;
    private final PatientRepository patients;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;

    AccountService(AccountRepository accounts, PatientRepository patients, PasswordEncoder passwordEncoder,
            CurrentUser currentUser, AuditService audit, Validator validator, Clock clock) {
        this.accounts = accounts;
        this.patients = patients;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
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
        Account physio = accounts.findById(physioId)
                .filter(a -> a.getRole() == Role.PHYSIO)
                .orElseThrow(() -> new IllegalArgumentException("Choose a physio"));
        Account patient = insert(account);
        patients.save(new Patient(patient.getId(), physio.getId(),
                assignedSince == null ? LocalDate.now(clock) : assignedSince, birthDate));
        audit.record(AuditAction.PATIENT_ASSIGNED, patient.getId(), "assigned to " + physio.getEmail());
        return patient.getId();
    }

    private Account insert(NewAccount account) {
        var violations = validator.validate(account);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String email = Account.normaliseEmail(account.email());
        if (accounts.existsByEmail(email)) {
            throw new DuplicateEmailException();
        }
        Account saved = accounts.save(new Account(email, account.displayName(),
                passwordEncoder.encode(account.initialPassword()), account.role(), clock.instant()));
        audit.record(AuditAction.ACCOUNT_CREATED, account.role() == Role.PATIENT ? saved.getId() : null,
                account.role() + " " + email);
        return saved;
    }
}
