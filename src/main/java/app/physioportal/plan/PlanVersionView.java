package app.physioportal.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a patient's plan with its items and what changed from the one before. */
public record PlanVersionView(int number, String reason, String authorName, Instant createdAt,
        LocalDate effectiveFrom, List<PlanItem> items, List<String> changes) {

    public List<ItemDraft> drafts() {
        return items.stream().map(PlanItem::dose).toList();
    }
}
