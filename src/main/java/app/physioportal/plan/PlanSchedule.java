package app.physioportal.plan;

import app.physioportal.plan.AdherenceCalculator.VersionSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's plan as its adherence figures read it: each version's number and first day, and what it prescribes.
 * Read once with {@link AdherenceService#schedule} and handed back to
 * {@link AdherenceService#adherenceHistory(PlanSchedule, LocalDate, LocalDate, LocalDate)}, so a page that shows the
 * versions and the figures (progress) reads the plan once. Empty without a plan.
 */
public final class PlanSchedule {

    /** A version's number and the first day it applies. */
    public record VersionStart(int number, LocalDate effectiveFrom) {
    }

    private final long patientId;
    private final List<VersionSpan> spans;

    PlanSchedule(long patientId, List<VersionSpan> spans) {
        this.patientId = patientId;
        this.spans = List.copyOf(spans);
    }

    public long patientId() {
        return patientId;
    }

    /** Every version, oldest first. */
    public List<VersionStart> versions() {
        return spans.stream().map(v -> new VersionStart(v.number(), v.from())).toList();
    }

    List<VersionSpan> spans() {
        return spans;
    }
}
