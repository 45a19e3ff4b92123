package app.physioportal.messages;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a message points at: a night of the diary (named by its evening), a week of the progress chart (its
 * Monday), a plan version (its number) or an appointment (its id).
 */
public record About(Kind kind, @Nullable LocalDate day, @Nullable Long number) {

    public enum Kind { NIGHT, WEEK, PLAN, APPOINTMENT }

    public static About night(LocalDate night) {
        return new About(Kind.NIGHT, night, null);
    }

    public static About week(LocalDate monday) {
        return new About(Kind.WEEK, monday, null);
    }

    public static About planVersion(int number) {
        return new About(Kind.PLAN, null, (long) number);
    }

    public static About appointment(long id) {
        return new About(Kind.APPOINTMENT, null, id);
    }

    /** As a link's query value, e.g. "night:2026-11-28", "plan:3"; read back by {@link #parse}. */
    public String token() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + (day != null ? day.toString() : String.valueOf(number));
    }

    /** A token from a link; empty when it does not read as one (a tampered link points at nothing). */
    public static Optional<About> parse(@Nullable String token) {
        if (token == null || token.length() > 40) {
            return Optional.empty();
        }
        int colon = token.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String value = token.substring(colon + 1);
        try {
            return Optional.of(switch (token.substring(0, colon)) {
                case "night" -> night(LocalDate.parse(value));
                case "week" -> week(LocalDate.parse(value));
                case "plan" -> planVersion(Integer.parseInt(value));
                case "appointment" -> appointment(Long.parseLong(value));
                default -> throw new IllegalArgumentException(token);
            });
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
