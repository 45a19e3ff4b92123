package app.physioportal.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A logged cramp as screens and other features read it. {@code loggedBy} names the helper who logged it for the
 * patient, null when the patient did.
 */
public record CrampRecord(long id, long patientId, Instant occurredAt, LocalDate night, int intensity,
        CrampDuration duration, Integer minutes, CrampLocation location, Side side, boolean wokeFromSleep,
        Set<Trigger> triggers, Set<Relief> relief, String note, String loggedBy) {

    CrampRecord loggedBy(String name) {
        return new CrampRecord(id, patientId, occurredAt, night, intensity, duration, minutes, location, side,
                wokeFromSleep, triggers, relief, note, name);
    }

    public CrampInput toInput() {
        return new CrampInput(occurredAt, intensity, duration, minutes, location, side, wokeFromSleep, triggers,
                relief, note);
    }

    /** "Calf, left" or "Foot". */
    public String where() {
        return side == null ? location.label() : location.label() + ", " + side.label().toLowerCase();
    }

    public String howLong() {
        if (minutes != null) {
            return minutes + " min";
        }
        return duration == null ? null : duration.label();
    }
}
