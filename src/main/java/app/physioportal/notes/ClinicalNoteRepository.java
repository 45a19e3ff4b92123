package app.physioportal.notes;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and read only: notes are never edited or deleted. */
interface ClinicalNoteRepository extends Repository<ClinicalNote, Long> {

    ClinicalNote save(ClinicalNote note);

    List<ClinicalNote> findByPatientIdOrderByWrittenAtDescIdDesc(Long patientId);

    boolean existsByIdAndPatientId(Long id, Long patientId);
}
