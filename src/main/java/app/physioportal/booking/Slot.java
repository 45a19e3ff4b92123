package app.physioportal.booking;

import java.time.Instant;

/** A bookable stretch of a physio's time, as instants (the clinic's time zone only matters for display). */
public record Slot(Instant start, Instant end) {
}
