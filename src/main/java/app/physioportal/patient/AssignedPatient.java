package app.physioportal.patient;

import java.time.LocalDate;

/** One patient on a physio's caseload. */
public record AssignedPatient(long id, String displayName, String email, LocalDate assignedSince) {
}
