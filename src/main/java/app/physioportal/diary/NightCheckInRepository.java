package app.physioportal.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NightCheckInRepository extends JpaRepository<NightCheckIn, Long> {

    List<NightCheckIn> findByPatientIdAndNightDateBetween(long patientId, LocalDate from, LocalDate to);

    Optional<NightCheckIn> findByPatientIdAndNightDate(long patientId, LocalDate nightDate);

    @Query("select n.nightDate from NightCheckIn n where n.patientId = ?1 and n.crampFree = true"
            + " and n.nightDate between ?2 and ?3")
    List<LocalDate> crampFreeNights(long patientId, LocalDate from, LocalDate to);

    @Query("select max(n.nightDate) from NightCheckIn n where n.patientId = ?1 and n.crampFree = true")
    Optional<LocalDate> findLastCrampFreeNight(long patientId);
}
