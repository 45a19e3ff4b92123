package app.physioportal.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdherenceRecordRepository extends JpaRepository<AdherenceRecord, Long> {

    List<AdherenceRecord> findByPatientIdAndDoneDayBetween(Long patientId, LocalDate from, LocalDate to);

    Optional<AdherenceRecord> findByPatientIdAndExerciseIdAndDoneDay(Long patientId, Long exerciseId, LocalDate day);
}
