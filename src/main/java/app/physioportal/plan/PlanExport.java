package app.physioportal.plan;

import app.physioportal.security.PatientAccess;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A patient's whole adherence log, for the export of everything the portal holds about them. */
@Service
public class PlanExport {

    public record LoggedExercise(LocalDate day, long exerciseId, Integer effort) {
    }

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final AdherenceRecordRepository adherence;
    private final PatientAccess access;

    PlanExport(AdherenceRecordRepository adherence, PatientAccess access) {
        this.adherence = adherence;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<LoggedExercise> adherenceLog(long patientId) {
        access.check(patientId);
        return adherence.findByPatientIdAndDoneDayBetween(patientId, EARLIEST, LATEST).stream()
                .map(r -> new LoggedExercise(r.getDoneDay(), r.getExerciseId(), r.getEffort()))
                .sorted(Comparator.comparing(LoggedExercise::day).thenComparing(LoggedExercise::exerciseId))
                .toList();
    }
}
