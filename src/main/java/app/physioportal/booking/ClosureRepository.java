package app.physioportal.booking;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClosureRepository extends JpaRepository<Closure, Long> {

    List<Closure> findByPhysioIdAndLastDayGreaterThanEqualAndFirstDayLessThanEqualOrderByFirstDayAsc(long physioId,
            LocalDate from, LocalDate to);
}
