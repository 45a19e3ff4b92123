package app.physioportal.diary;

public enum CrampLocation {
    CALF("Calf"), FOOT("Foot"), THIGH_HAMSTRING("Thigh / hamstring");

    private final String label;

    CrampLocation(String label) {
        this.label = label;
    }

    /** How the patient reads it. */
    public String label() {
        return label;
    }
}
