package app.physioportal.patient;

/** A patient now has another physio: published in the transaction that changed it, mailed after it committed. */
public record PatientReassigned(long patientId, String patientName, String patientEmail, String previousPhysioName,
        String previousPhysioEmail, String newPhysioName) {
}
