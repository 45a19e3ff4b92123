package app.physioportal.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who someone is, for showing and emailing: names, addresses and a patient's physio, read by the module that
 * owns the account tables. Callers check their access to the patient first; this answers without asking.
 */
@Service
public class Directory {

    public record Person(long id, String name, String email) {
    }

    private final AccountRepository accounts;
    private final PatientRepository patients;

    Directory(AccountRepository accounts, PatientRepository patients) {
        this.accounts = accounts;
        this.patients = patients;
    }

    @Transactional(readOnly = true)
    public Optional<Long> physioOf(long patientId) {
        return patients.findPhysioIdByPatient(patientId);
    }

    @Transactional(readOnly = true)
    public Map<Long, Person> people(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllById(ids).stream()
                .map(a -> new Person(a.getId(), a.getDisplayName(), a.getEmail()))
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }
}
