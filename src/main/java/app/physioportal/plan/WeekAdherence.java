package app.physioportal.plan;

import java.time.LocalDate;

/** done / prescribed for one week (Monday start); prescribed may be fractional for part-weeks. */
public record WeekAdherence(LocalDate weekStart, double prescribed, double done) {

    /** Whole percent, or null when nothing was prescribed that week. */
    public Integer percent() {
        return prescribed <= 0 ? null : (int) Math.round(100 * done / prescribed);
    }
}
