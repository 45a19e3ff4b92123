package app.physioportal.diary;

/** What the diary knows about a night. Only the first two count as recorded. */
public enum NightStatus {
    RECORDED_WITH_CRAMPS,
    CRAMP_FREE,
    NOT_RECORDED;

    public boolean recorded() {
        return this != NOT_RECORDED;
    }
}
