package app.physioportal.patient;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.clinic.Clinic;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountForm;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Directory;
import app.physioportal.security.Invitations.Invitation;
import app.physioportal.security.Directory.Person;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Notices;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.Role;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The patient record beside the sign-in account: who treats the patient and since when, their date of birth and
 * the medicines the physio notes. Accounts and passwords stay with security.
 */
@Service
@Validated
public class PatientService {

    public static final int MAX_MEDICATIONS = 300;

    private final PatientRepository patients;
    private final AccountService accounts;
    private final Directory directory;
    private final CurrentUser currentUser;
    private final PatientAccess access;
    private final AuditService audit;
    private final Clinic clinic;
    private final Notices notices;
    private final ApplicationEventPublisher events;

    PatientService(PatientRepository patients, AccountService accounts, Directory directory, CurrentUser currentUser,
            PatientAccess access, AuditService audit, Clinic clinic, Notices notices, ApplicationEventPublisher events) {
        this.notices = notices;
        this.events = events;
        this.patients = patients;
        this.accounts = accounts;
        this.directory = directory;
        this.currentUser = currentUser;
        this.access = access;
        this.audit = audit;
        this.clinic = clinic;
    }

    /** The signed-in physio's caseload, by name. */
    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional(readOnly = true)
    public List<AssignedPatient> myPatients() {
        List<Patient> assigned = patients.findByPhysioId(currentUser.require().id());
        Map<Long, Person> people = directory.people(assigned.stream().map(Patient::getAccountId).toList());
        return assigned.stream()
                .map(p -> {
                    Person person = people.get(p.getAccountId());
                    return new AssignedPatient(person.id(), person.name(), person.email(), p.getAssignedSince());
                })
                .sorted((x, y) -> x.displayName().compareToIgnoreCase(y.displayName()))
                .toList();
    }

    /**
     * A patient account with a password chosen for them, assigned to a physio: for the portal's own work only (the
     * demo clinic, tests); people at the clinic invite patients instead ({@link #invite}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createPatient(@Valid NewAccount account, long physioId, LocalDate birthDate, LocalDate assignedSince) {
        Person physio = accounts.requireActivePhysio(physioId);
        long id = accounts.createPatientLogin(account);
        assign(id, physio, assignedSince == null ? clinic.today() : assignedSince, birthDate);
        return id;
    }

    /**
     * A new patient, assigned to a physio and invited by email to choose their own password (a single-use link, valid
     * 72 hours). Nothing is saved or sent when the physio is missing or the address already has an account. The admin
     * chooses the physio; a physio invites a patient of their own (the form's physio is ignored).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'PHYSIO')")
    @Transactional
    public Invitation invite(@Valid AccountForm form) {
        if (form.role() != Role.PATIENT) {
            throw new IllegalArgumentException("Not a patient account");
        }
        Optional<PortalUser> physioHimself = currentUser.get().filter(user -> user.role() == Role.PHYSIO);
        Person physio = physioHimself.map(user -> new Person(user.id(), user.displayName(), user.email()))
                .orElseGet(() -> accounts.requireActivePhysio(form.physioId()));
        Invitation invitation = accounts.createInvitedPatient(form);
        assign(invitation.accountId(), physio, clinic.today(), form.birthDate());
        return invitation;
    }

    private void assign(long patientId, Person physio, LocalDate since, LocalDate birthDate) {
        patients.save(new Patient(patientId, physio.id(), since, birthDate));
        audit.record(AuditAction.PATIENT_ASSIGNED, patientId, "assigned to " + physio.email());
    }

    @Transactional(readOnly = true)
    public PatientProfile patientProfile(long patientId) {
        access.check(patientId);
        Patient patient = patients.findById(patientId).orElseThrow();
        Map<Long, Person> people = directory.people(List.of(patientId, patient.getPhysioId()));
        Person person = people.get(patientId);
        Person physio = people.get(patient.getPhysioId());
        return new PatientProfile(patientId, person.name(), person.email(), patient.getBirthDate(),
                patient.getAssignedSince(), physio == null ? "?" : physio.name(), patient.getMedications());
    }

    /** The physio records the patient's relevant medicines (the clinic's guide, docs/leg-cramps-physio-guide.txt, names diuretics and statins). */
    @Transactional
    public void updateMedications(long patientId, String medications) {
        access.checkAs(patientId, Role.PHYSIO, "record medicines");
        String value = medications == null || medications.isBlank() ? null : medications.strip();
        if (value != null && value.length() > MAX_MEDICATIONS) {
            throw new InvalidInput("medications", "At most " + MAX_MEDICATIONS + " characters");
        }
        Patient patient = patients.findById(patientId).orElseThrow();
        String before = patient.getMedications();
        patient.setMedications(value);
        // Which medicines a person takes stays out of the audit trail: only that the field changed.
        audit.record(AuditAction.MEDICATIONS_UPDATED, patientId, value == null ? "medications cleared"
                : before == null ? "medications recorded" : "medications changed");
    }

    /** Assigns a patient to another physio; the previous physio loses access with the next request. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void reassign(long patientId, Long physioId) {
        Patient patient = patients.findById(patientId).orElseThrow(() -> new IllegalArgumentException("Not a patient"));
        Person physio = accounts.requireActivePhysio(physioId);
        if (physio.id() == patient.getPhysioId()) {
            return;
        }
        Map<Long, Person> people = directory.people(List.of(patient.getPhysioId(), patientId));
        Person previous = people.get(patient.getPhysioId());
        Person who = people.get(patientId);
        patient.assignTo(physio.id(), clinic.today());
        audit.record(AuditAction.PATIENT_ASSIGNED, patientId,
                "from " + (previous == null ? "?" : previous.email()) + " to " + physio.email());
        // Both the patient and the physio who loses access hear of it: by email, and at their next sign-in.
        notices.post(patientId, "Your physio is now " + physio.name() + ". " + (previous == null ? "" : previous.name()
                + " no longer sees your record."));
        if (previous != null && who != null) {
            notices.post(previous.id(), who.name() + " is now with " + physio.name()
                    + " and no longer on your caseload.");
            events.publishEvent(new PatientReassigned(patientId, who.name(), who.email(), previous.name(),
                    previous.email(), physio.name()));
        }
    }
}
