package app.physioportal.security;

/** What a signed-in person is to the clinic. Spring authorities are {@code ROLE_<name>}. */
public enum Role {
    PATIENT, PHYSIO, ADMIN;

    public static final String PATIENT_ROLE = "PATIENT";
    public static final String PHYSIO_ROLE = "PHYSIO";
    public static final String ADMIN_ROLE = "ADMIN";

    public String authority() {
        return "ROLE_" + name();
    }
}
