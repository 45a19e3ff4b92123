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
 * The diary of many patients at once, for the physio's caseload: a few grouped queries over the
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

    /**
     * The recorded nights of each patient that a caseload needs, oldest first: the first
     * {@code baselineDays} from the patient's first recorded night, every night from {@code recentFrom}
     * on, and the latest recorded night. Patients without any are absent. Three small grouped or ranged
     * queries per table over the (patient_id, night_date) indexes, so a year of diary costs no more than a
     * month. A check-in counts as a recorded night only when it says cramp-free.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<RecordedNight>> recordedNights(Collection<Long> patientIds, LocalDate recentFrom,
            int baselineDays) {
        access.checkAll(patientIds);
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate[]> bounds = new HashMap<>();
        var ids = new MapSqlParameterSource("ids", patientIds);
        for (String sql : List.of(
                "select patient_id, min(night_date) as first_night, max(night_date) as last_night from cramp_entry"
                        + " where patient_id in (:ids) group by patient_id",
                "select patient_id, min(night_date) as first_night, max(night_date) as last_night from night_check_in"
                        + " where patient_id in (:ids) and cramp_free = true group by patient_id")) {
            jdbc.query(sql, ids, row -> {
                LocalDate first = row.getDate("first_night").toLocalDate();
                LocalDate last = row.getDate("last_night").toLocalDate();
                bounds.merge(row.getLong("patient_id"), new LocalDate[] {first, last}, (a, b) -> new LocalDate[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            });
        }
        if (bounds.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("recent", Date.valueOf(recentFrom));
        StringBuilder where = new StringBuilder();
        int i = 0;
        for (var entry : bounds.entrySet()) {
            where.append(i == 0 ? "" : " or ").append("(patient_id = :p").append(i).append(" and (night_date between :f")
                    .append(i).append(" and :t").append(i).append(" or night_date >= :recent or night_date = :l")
                    .append(i).append("))");
            params.addValue("p" + i, entry.getKey())
                    .addValue("f" + i, Date.valueOf(entry.getValue()[0]))
                    .addValue("t" + i, Date.valueOf(entry.getValue()[0].plusDays(baselineDays - 1L)))
                    .addValue("l" + i, Date.valueOf(entry.getValue()[1]));
            i++;
        }
        Map<Long, TreeMap<LocalDate, Integer>> nights = new HashMap<>();
        jdbc.query("select patient_id, night_date, count(*) as cramps from cramp_entry where " + where
                + " group by patient_id, night_date", params, row -> {
                    nights.computeIfAbsent(row.getLong("patient_id"), id -> new TreeMap<>())
                            .put(row.getDate("night_date").toLocalDate(), row.getInt("cramps"));
                });
        jdbc.query("select patient_id, night_date from night_check_in where cramp_free = true and (" + where + ")",
                params, row -> {
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
