package app.physioportal.plan;

import java.time.LocalDate;

/** A past day's tick, for recording history (the demo seeder). */
public record Tick(long exerciseId, LocalDate day, Integer effort) {
}
