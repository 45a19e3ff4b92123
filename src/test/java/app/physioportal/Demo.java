package app.physioportal;

/** The demo clinic's logins (docs/PRODUCT.md section 5), as tests refer to them. */
public final class Demo {

    public static final String PASSWORD = "stretch-and-rest-2026";
    public static final String ADMIN = "admin@example.org";
    public static final String PHYSIO1 = "physio1@example.org";
    public static final String PHYSIO2 = "physio2@example.org";
    public static final String PATIENT1 = "patient1@example.org";
    public static final String PATIENT2 = "patient2@example.org";
    public static final String PATIENT4 = "patient4@example.org";
    public static final String PATIENT3 = "patient3@example.org";
    public static final String PATIENT5 = "patient5@example.org";
    public static final String PATIENT6 = "patient6@example.org";

    private Demo() {
    }
}
