package app.physioportal.security;

/** What a signed-in person is to the clinic. Spring authorities are {@code ROLE_<name>}. */
public enum Role {
    PATIENT, PHYSIO, ADMIN,
    /** A patient's family member or carer, invited by the patient: sees (and may record for) only that patient. */
    HELPER;

    public static final String PATIENT_ROLE = "PATIENT";
    public static final String PHYSIO_ROLE = "PHYSIO";
    public static final String ADMIN_ROLE = "ADMIN";
    public static final String HELPER_ROLE = "HELPER";

    public String authority() {
        return "ROLE_" + name();
    }

    /** The clinic's staff, who always give a second factor; patients and helpers choose to. */
    public boolean isStaff() {
        return this == PHYSIO || this == ADMIN;
    }

    /** The patient's side of the clinic: the patient, or a helper acting for them. */
    public boolean isPatientSide() {
        return this == PATIENT || this == HELPER;
    }
}
