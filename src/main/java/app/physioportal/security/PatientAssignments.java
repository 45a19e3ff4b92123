package app.physioportal.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which physio each patient is assigned to now, as the patient module records it. Security asks through this
 * interface so that the patient module may depend on security and not the other way round.
 */
public interface PatientAssignments {

    Optional<Long> physioOf(long patientId);

    /** The physio of each of these patients that has one (absent ids are not patients). */
    Map<Long, Long> physioOfEach(Collection<Long> patientIds);
}
