package app.physioportal.booking;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkingDayRepository extends JpaRepository<WorkingDay, Long> {

    List<WorkingDay> findByPhysioIdOrderByWeekdayAsc(long physioId);

    void deleteByPhysioId(long physioId);
}
