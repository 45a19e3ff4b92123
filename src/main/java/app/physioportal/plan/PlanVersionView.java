package app.physioportal.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a patient's plan with its items and what changed from the one before.
 *
 * @param answersMessageId the patient's message the change answers, when the physio made it from one
 */
public record PlanVersionView(int number, String reason, String authorName, Instant createdAt,
        LocalDate effectiveFrom, List<PlanItem> items, List<String> changes, @Nullable Long answersMessageId) {

    public List<ItemDraft> drafts() {
        return items.stream().map(PlanItem::dose).toList();
    }
}
