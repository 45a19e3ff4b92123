package app.physioportal.diary;

import app.physioportal.security.PatientAccess;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashMap;
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

    /**
     * One patient's diary as a caseload reads it: the first and the latest recorded night, and the recorded nights
     * and their cramps in the baseline window (the first {@code baselineDays} nights from the first recorded one)
     * and in the recent window.
     */
    public record Windows(LocalDate firstNight, LocalDate lastNight, int baselineNights, int baselineCramps,
            int recentNights, int recentCramps) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PatientAccess access;

    DiaryOverview(NamedParameterJdbcTemplate jdbc, PatientAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * The windows of each patient on a caseload, summed by the database: patients without any recorded night are
     * absent. A recorded night is one with cramps or checked in as cramp-free (counted once if it is both). Two
     * queries whatever the number of patients, each one row per patient: the first and last recorded night (to
     * place each patient's baseline window), then the nights and cramps of both windows, read as ranges over the
     * (patient_id, night_date) indexes so a year of diary costs no more than a month. No date arithmetic in SQL:
     * the windows' bounds are computed here and bound as parameters, so it runs alike on MariaDB and H2.
     *
     * @param recentFrom   first night of the recent window
     * @param recentUntil  the night after the recent window (exclusive)
     * @param baselineDays length of the baseline window in nights
     */
    @Transactional(readOnly = true)
    public Map<Long, Windows> windows(Collection<Long> patientIds, LocalDate recentFrom, LocalDate recentUntil,
            int baselineDays) {
        access.checkAll(patientIds);
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate[]> bounds = new LinkedHashMap<>();
        jdbc.query("select patient_id, min(first_night) as first_night, max(last_night) as last_night from ("
                + "select patient_id, min(night_date) as first_night, max(night_date) as last_night from cramp_entry"
                + " where patient_id in (:ids) group by patient_id"
                + " union all select patient_id, min(night_date), max(night_date) from night_check_in"
                + " where patient_id in (:ids) and cramp_free = true group by patient_id) b group by patient_id",
                new MapSqlParameterSource("ids", patientIds), row -> {
                    bounds.put(row.getLong("patient_id"), new LocalDate[] {row.getDate("first_night").toLocalDate(),
                        row.getDate("last_night").toLocalDate()});
                });
        if (bounds.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("recent", Date.valueOf(recentFrom))
                .addValue("until", Date.valueOf(recentUntil));
        StringBuilder ranges = new StringBuilder();
        StringBuilder baselines = new StringBuilder();
        int i = 0;
        for (var entry : bounds.entrySet()) {
            LocalDate first = entry.getValue()[0];
            ranges.append(i == 0 ? "" : " or ").append("(patient_id = :p").append(i).append(" and (night_date between :f")
                    .append(i).append(" and :t").append(i).append(" or night_date >= :recent and night_date < :until))");
            // Every value bound, typed so that H2 knows the columns of this derived table as MariaDB does (decimal:
            // the two engines name integer casts differently). No literal: the statement's text then depends only on
            // the caseload's size, so Spring's cache of parsed statements (256 entries) holds one per size instead of
            // one of some 16 KB per physio, which filled it and was parsed afresh on every caseload (issue 18).
            baselines.append(i == 0 ? "" : " union all ").append("select cast(:p").append(i)
                    .append(" as decimal(19, 0)) as patient_id, cast(:f").append(i).append(" as date) as base_from, cast(:t")
                    .append(i).append(" as date) as base_to");
            params.addValue("p" + i, entry.getKey())
                    .addValue("f" + i, Date.valueOf(first))
                    .addValue("t" + i, Date.valueOf(first.plusDays(baselineDays - 1L)));
            i++;
        }
        Map<Long, Windows> result = new HashMap<>();
        jdbc.query("select n.patient_id,"
                + " sum(case when n.night_date between w.base_from and w.base_to then 1 else 0 end) as base_nights,"
                + " sum(case when n.night_date between w.base_from and w.base_to then n.cramps else 0 end)"
                + " as base_cramps,"
                + " sum(case when n.night_date >= :recent and n.night_date < :until then 1 else 0 end) as recent_nights,"
                + " sum(case when n.night_date >= :recent and n.night_date < :until then n.cramps else 0 end)"
                + " as recent_cramps"
                + " from (select patient_id, night_date, sum(cramps) as cramps from ("
                + "select patient_id, night_date, count(*) as cramps from cramp_entry where " + ranges
                + " group by patient_id, night_date"
                + " union all select patient_id, night_date, 0 from night_check_in where cramp_free = true and ("
                + ranges + ")) u group by patient_id, night_date) n"
                + " join (" + baselines + ") w on w.patient_id = n.patient_id group by n.patient_id", params, row -> {
                    long patient = row.getLong("patient_id");
                    LocalDate[] firstAndLast = bounds.get(patient);
                    result.put(patient, new Windows(firstAndLast[0], firstAndLast[1], row.getInt("base_nights"),
                            row.getInt("base_cramps"), row.getInt("recent_nights"), row.getInt("recent_cramps")));
                });
        return result;
    }
}
