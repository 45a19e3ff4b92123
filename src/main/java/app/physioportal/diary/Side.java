package app.physioportal.diary;

public enum Side {
    LEFT("Left"), RIGHT("Right"), BOTH("Both");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    /** How the patient reads it. */
    public String label() {
        return label;
    }
}
