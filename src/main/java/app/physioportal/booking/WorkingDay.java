package app.physioportal.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;

/** One weekday of a physio's regular hours. */
@Entity
@Table(name = "working_day")
class WorkingDay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "physio_id", nullable = false)
    private long physioId;

    @Column(nullable = false)
    private int weekday;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;

    @Column(name = "break_start")
    private LocalTime breakStart;

    @Column(name = "break_end")
    private LocalTime breakEnd;

    @Column(name = "slot_minutes", nullable = false)
    private int slotMinutes;

    protected WorkingDay() {
    }

    WorkingDay(long physioId, ScheduleService.WorkingHours hours) {
        this.physioId = physioId;
        this.weekday = hours.day().getValue();
        this.startTime = hours.start();
        this.endTime = hours.end();
        this.breakStart = hours.breakStart();
        this.breakEnd = hours.breakEnd();
        this.slotMinutes = hours.slotMinutes();
    }

    ScheduleService.WorkingHours toHours() {
        return new ScheduleService.WorkingHours(java.time.DayOfWeek.of(weekday), startTime, endTime, breakStart,
                breakEnd, slotMinutes);
    }
}
