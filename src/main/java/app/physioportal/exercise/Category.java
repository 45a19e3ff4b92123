package app.physioportal.exercise;

/** What kind of advice an exercise is. */
public enum Category {
    STRETCH("Stretch"), STRENGTH("Strengthening"), POSITION("Sleeping position");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
