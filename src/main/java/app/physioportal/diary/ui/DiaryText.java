package app.physioportal.diary.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CrampRecord;
import app.physioportal.diary.NightSummary;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the diary reads in words, one place for every screen of the feature. */
final class DiaryText {

    private DiaryText() {
    }

    /** "Tue 3 Mar" */
    static String night(LocalDate night, Clinic clinic) {
        return clinic.weekday(night);
    }

    static String status(NightSummary night) {
        return switch (night.status()) {
            case RECORDED_WITH_CRAMPS -> night.crampCount() == 1 ? "1 cramp" : night.crampCount() + " cramps";
            case CRAMP_FREE -> "Cramp-free";
            case NOT_RECORDED -> "Not recorded";
        };
    }

    /** "02:10 · Calf, left · 7/10 · 1-5 min · woke you up" */
    static String cramp(CrampRecord cramp, Clinic clinic) {
        StringBuilder text = new StringBuilder(clinic.time(cramp.occurredAt()))
                .append(" · ").append(cramp.where())
                .append(" · ").append(cramp.intensity()).append("/10");
        if (cramp.howLong() != null) {
            text.append(" · ").append(cramp.howLong());
        }
        if (cramp.wokeFromSleep()) {
            text.append(" · woke you up");
        }
        return text.toString();
    }

    static String details(CrampRecord cramp) {
        StringBuilder text = new StringBuilder();
        if (!cramp.triggers().isEmpty()) {
            text.append("Possible triggers: ").append(cramp.triggers().stream().sorted()
                    .map(t -> t.label().toLowerCase(Locale.UK)).collect(Collectors.joining(", ")));
        }
        if (!cramp.relief().isEmpty()) {
            text.append(text.isEmpty() ? "" : ". ").append("Helped: ").append(cramp.relief().stream().sorted()
                    .map(r -> r.label().toLowerCase(Locale.UK)).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    static String oneDecimal(Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.1f", value);
    }
}
