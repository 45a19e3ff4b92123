package app.physioportal.diary;

public enum Trigger {
    FATIGUE_OVERUSE("Tired / overused"), DEHYDRATION("Dehydrated"), PROLONGED_SITTING("Long sitting"), SLEEPING_POSITION("Sleeping position"), MEDICATION("Medication"), OTHER("Other");

    private final String label;

    Trigger(String label) {
        this.label = label;
    }

    /** How the patient reads it. */
    public String label() {
        return label;
    }
}
