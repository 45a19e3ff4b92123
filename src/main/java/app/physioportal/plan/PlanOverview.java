package app.physioportal.plan;

import app.physioportal.security.PatientAccess;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Current plan versions of many patients at once, for the caseload: one query over the unique keys. */
@Service
public class PlanOverview {

    public record CurrentVersion(int number, LocalDate effectiveFrom) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PatientAccess access;

    PlanOverview(NamedParameterJdbcTemplate jdbc, PatientAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Each patient's current plan version; patients without a plan are absent. */
    @Transactional(readOnly = true)
    public Map<Long, CurrentVersion> currentVersions(Collection<Long> patientIds) {
        access.checkAll(patientIds);
        Map<Long, CurrentVersion> versions = new HashMap<>();
        if (patientIds.isEmpty()) {
            return versions;
        }
        jdbc.query("""
                select p.patient_id, v.version_number, v.effective_from from plan p
                join plan_version v on v.plan_id = p.id and v.version_number = p.current_version
                where p.patient_id in (:ids)""", new MapSqlParameterSource("ids", patientIds), row -> {
            versions.put(row.getLong("patient_id"), new CurrentVersion(row.getInt("version_number"),
                    row.getObject("effective_from", LocalDate.class)));
        });
        return versions;
    }
}
