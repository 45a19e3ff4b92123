package app.physioportal.exercise;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's exercise library: the same for everyone, so any signed-in user may read it. */
@Service
public class ExerciseService {

    /** A dose: how much, how often and when. Plans prescribe one per item; the library suggests one. */
    public record Dosage(int sets, int reps, int holdSeconds, int restSeconds, int timesPerDay, int daysPerWeek,
            Timing timing, String sides) {
    }

    /** An exercise as screens show it: instructions as plain-language steps. */
    public record ExerciseInfo(long id, String code, String name, Category category, String targetArea,
            List<String> steps, String safetyNote, Dosage defaultDosage) {
    }

    private final ExerciseRepository exercises;
    /** The library changes only with a database migration (and a restart), so it is read once. */
    private volatile List<ExerciseInfo> cached;

    ExerciseService(ExerciseRepository exercises) {
        this.exercises = exercises;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ExerciseInfo> library() {
        List<ExerciseInfo> library = cached;
        if (library == null) {
            library = exercises.findAllByOrderByIdAsc().stream().map(Exercise::toInfo).toList();
            cached = library;
        }
        return library;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, ExerciseInfo> libraryById() {
        return library().stream().collect(Collectors.toMap(ExerciseInfo::id, Function.identity()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ExerciseInfo byCode(String code) {
        return library().stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No exercise " + code));
    }
}
