package app.physioportal.diary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the patient tells us about one cramp. Only when, how bad and where are required, so the
 * common case is quick; minutes, when given, decide the duration category.
 */
public record CrampInput(
        @NotNull(message = "Enter when the cramp happened") Instant occurredAt,
        @NotNull(message = "Choose how bad it was, from 0 to 10")
        @Min(value = 0, message = "Choose how bad it was, from 0 to 10")
        @Max(value = 10, message = "Choose how bad it was, from 0 to 10") Integer intensity,
        CrampDuration duration,
        @Min(value = 1, message = "Enter minutes between 1 and " + CrampInput.MAX_MINUTES)
        @Max(value = CrampInput.MAX_MINUTES, message = "Enter minutes between 1 and " + CrampInput.MAX_MINUTES)
        Integer minutes,
        @NotNull(message = "Choose where the cramp was") CrampLocation location,
        Side side,
        boolean wokeFromSleep,
        Set<Trigger> triggers,
        Set<Relief> relief,
        @Size(max = CrampInput.MAX_NOTE, message = "Keep the note to " + CrampInput.MAX_NOTE + " characters or fewer")
        String note) {

    public static final int MAX_NOTE = 500;
    public static final int MAX_MINUTES = 240;

    public CrampInput {
        if (minutes != null && minutes >= 1) {
            duration = CrampDuration.ofMinutes(minutes);
        }
        triggers = triggers == null || triggers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(triggers));
        relief = relief == null || relief.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(relief));
        note = cleanNote(note);
    }

    /** Control characters go; line breaks stay. Markup is kept as typed: screens show it as text. */
    private static String cleanNote(String note) {
        if (note == null) {
            return null;
        }
        String cleaned = note.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    public static CrampInput quick(Instant occurredAt, int intensity, CrampLocation location) {
        return new CrampInput(occurredAt, intensity, null, null, location, null, false, null, null, null);
    }
}
