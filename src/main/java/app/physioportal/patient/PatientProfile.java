package app.physioportal.patient;

import java.time.LocalDate;
import java.time.Period;

/** What the physio's patient page shows in its header. */
public record PatientProfile(long id, String displayName, String email, LocalDate birthDate,
        LocalDate assignedSince, String physioName, String medications) {

    public Integer ageOn(LocalDate day) {
        return birthDate == null ? null : Period.between(birthDate, day).getYears();
    }
}
