package app.physioportal.diary;

public enum Relief {
    STRETCH("Stretching"), WALKING("Walking"), MASSAGE("Massage"), HEAT("Heat"), NOTHING("Nothing helped");

    private final String label;

    Relief(String label) {
        this.label = label;
    }

    /** How the patient reads it. */
    public String label() {
        return label;
    }
}
