package app.physioportal.exercise;

/** When in the day an exercise is meant to be done. */
public enum Timing {
    BEFORE_BED("Before bed"), MORNING("Morning"), ANY("Any time");

    private final String label;

    Timing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
