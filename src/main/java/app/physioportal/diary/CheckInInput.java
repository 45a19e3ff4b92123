package app.physioportal.diary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The morning check-in for one night: cramp-free or not, and how much sleep was disturbed (optional). */
public record CheckInInput(
        @NotNull(message = "Choose the night") LocalDate night,
        boolean crampFree,
        @Min(value = 0, message = "Choose from 0 to 10") @Max(value = 10, message = "Choose from 0 to 10")
        Integer sleepDisturbance) {
}
