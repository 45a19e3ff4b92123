package app.physioportal.diary;

import app.physioportal.security.PatientAccess;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diary of many patients at once, for the physio's caseload: two grouped queries over the
 * (patient_id, night_date) indexes, whatever the number of patients.
 */
@Service
public class DiaryOverview {

    /** A recorded night of one patient: how many cramps (0 for a cramp-free check-in). */
    public record RecordedNight(LocalDate night, int cramps) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PatientAccess access;

    DiaryOverview(NamedParameterJdbcTemplate jdbc, PatientAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Every recorded night of each patient from {@code from} on, oldest first; patients without any are absent. */
    @Transactional(readOnly = true)
    public Map<Long, List<RecordedNight>> recordedNights(Collection<Long> patientIds, LocalDate from) {
        access.checkAll(patientIds);
        Map<Long, TreeMap<LocalDate, Integer>> nights = new HashMap<>();
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        var params = new MapSqlParameterSource("ids", patientIds).addValue("from", Date.valueOf(from));
        jdbc.query("""
                select patient_id, night_date, count(*) as cramps from cramp_entry
                where patient_id in (:ids) and night_date >= :from group by patient_id, night_date""", params, row -> {
            nights.computeIfAbsent(row.getLong("patient_id"), id -> new TreeMap<>())
                    .put(row.getDate("night_date").toLocalDate(), row.getInt("cramps"));
        });
        jdbc.query("""
                select patient_id, night_date from night_check_in
                where patient_id in (:ids) and night_date >= :from""", params, row -> {
            nights.computeIfAbsent(row.getLong("patient_id"), id -> new TreeMap<>())
                    .putIfAbsent(row.getDate("night_date").toLocalDate(), 0);
        });
        Map<Long, List<RecordedNight>> result = new HashMap<>();
        nights.forEach((patient, byNight) -> {
            List<RecordedNight> list = new ArrayList<>(byNight.size());
            byNight.forEach((night, cramps) -> list.add(new RecordedNight(night, cramps)));
            result.put(patient, list);
        });
        return result;
    }
}
