package app.physioportal.progress;

/** How far back the progress page looks. */
public enum ProgressRange {
    FOUR_WEEKS("4 weeks", 4), TWELVE_WEEKS("12 weeks", 12), ALL("All", 0);

    private final String label;
    private final int weeks;

    ProgressRange(String label, int weeks) {
        this.label = label;
        this.weeks = weeks;
    }

    public String label() {
        return label;
    }

    /** Number of Monday-start weeks shown (the current one included), or 0 for the whole diary. */
    public int weeks() {
        return weeks;
    }
}
