package app.physioportal.diary;

public enum CrampDuration {
    UNDER_1_MIN("Under 1 min"), ONE_TO_5("1-5 min"), FIVE_TO_10("5-10 min"), OVER_10("Over 10 min");

    private final String label;

    CrampDuration(String label) {
        this.label = label;
    }

    /** The category a duration in minutes falls into, so the two can never disagree. */
    public static CrampDuration ofMinutes(int minutes) {
        if (minutes < 1) {
            return UNDER_1_MIN;
        }
        if (minutes <= 5) {
            return ONE_TO_5;
        }
        return minutes <= 10 ? FIVE_TO_10 : OVER_10;
    }

    /** How the patient reads it. */
    public String label() {
        return label;
    }
}
