package app.physioportal.patient;

import app.physioportal.security.PatientAssignments;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who treats whom: the assignment of patients to physios, for PatientAccess and for features that need a
 * patient's physio (booking). It answers without checking access: callers check theirs first.
 */
@Service
public class PatientDirectory implements PatientAssignments {

    private final PatientRepository patients;

    PatientDirectory(PatientRepository patients) {
        this.patients = patients;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> physioOf(long patientId) {
        return patients.findPhysioIdByPatient(patientId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> physioOfEach(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return patients.findAllById(patientIds).stream()
                .collect(Collectors.toMap(Patient::getAccountId, Patient::getPhysioId));
    }
}
