package app.physioportal.patient;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PatientRepository extends JpaRepository<Patient, Long> {

    @Query("select p.physioId from Patient p where p.accountId = :patientId")
    Optional<Long> findPhysioIdByPatient(Long patientId);

    List<Patient> findByPhysioId(Long physioId);
}
