package app.physioportal.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CrampEntryRepository extends JpaRepository<CrampEntry, Long> {

    List<CrampEntry> findByPatientIdAndNightDateBetweenOrderByOccurredAtAsc(long patientId, LocalDate from,
            LocalDate to);

    Optional<CrampEntry> findByIdAndPatientId(long id, long patientId);

    Optional<CrampEntry> findByPatientIdAndSaveKey(long patientId, String saveKey);

    long countByPatientIdAndNightDate(long patientId, LocalDate nightDate);

    @Query("select max(c.nightDate) from CrampEntry c where c.patientId = ?1")
    Optional<LocalDate> findLastNight(long patientId);
}
