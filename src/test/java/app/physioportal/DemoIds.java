package app.physioportal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks up demo account ids and audit rows straight from the database, outside the guarded services. */
@Component
public class DemoIds {

    private final JdbcTemplate jdbc;

    public DemoIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long idOf(String email) {
        return jdbc.queryForObject("select id from account where email = ?", Long.class, email);
    }

    public int auditCount(String actor, String action) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = ?", Integer.class,
                actor, action);
    }

    public int auditCountForPatient(String actor, String action, long patientId) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where actor = ? and action = ? and patient_id = ?", Integer.class,
                actor, action, patientId);
    }
}
