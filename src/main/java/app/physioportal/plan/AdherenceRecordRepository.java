package app.physioportal.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AdherenceRecordRepository extends JpaRepository<AdherenceRecord, Long> {

    List<AdherenceRecord> findByPatientIdAndDoneDayBetween(Long patientId, LocalDate from, LocalDate to);

    /** Patient id, exercise id and day of each tick: what adherence figures need, without loading whole records. */
    @Query("select a.patientId, a.exerciseId, a.doneDay from AdherenceRecord a where a.patientId in :patientIds"
            + " and a.doneDay between :from and :to")
    List<Object[]> findDoneOfPatientsBetween(Collection<Long> patientIds, LocalDate from, LocalDate to);

    Optional<AdherenceRecord> findByPatientIdAndExerciseIdAndDoneDay(Long patientId, Long exerciseId, LocalDate day);
}
