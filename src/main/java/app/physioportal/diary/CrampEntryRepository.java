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

    /**
     * Per night with cramps: the night, how many, their intensities summed and the worst. Grouped by the night
     * column, which holds the clinic-time night fixed when the cramp was written, so no time zone arithmetic here.
     */
    @Query("select c.nightDate, count(c), sum(c.intensity), max(c.intensity) from CrampEntry c"
            + " where c.patientId = ?1 and c.nightDate between ?2 and ?3 group by c.nightDate")
    List<Object[]> nightTotals(long patientId, LocalDate from, LocalDate to);

    /** Cramps per location and set of suspected triggers (as stored) over a range of nights. */
    @Query("select c.location, c.triggers, count(c) from CrampEntry c"
            + " where c.patientId = ?1 and c.nightDate between ?2 and ?3 group by c.location, c.triggers")
    List<Object[]> whereAndWhy(long patientId, LocalDate from, LocalDate to);

    @Query("select max(c.nightDate) from CrampEntry c where c.patientId = ?1")
    Optional<LocalDate> findLastNight(long patientId);
}
