package app.physioportal.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Days a physio does not see patients (holiday, sick day), both ends inclusive. */
@Entity
@Table(name = "closure")
class Closure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "physio_id", nullable = false)
    private long physioId;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(nullable = false, length = 200)
    private String reason;

    protected Closure() {
    }

    Closure(long physioId, LocalDate firstDay, LocalDate lastDay, String reason) {
        this.physioId = physioId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = reason;
    }

    Long getId() {
        return id;
    }

    ScheduleService.ClosureDays toDays() {
        return new ScheduleService.ClosureDays(id, firstDay, lastDay, reason);
    }
}
