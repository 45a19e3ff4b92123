package app.physioportal.booking;

import app.physioportal.security.PatientAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appointments of many patients at once, for the caseload: one grouped query on (patient_id, starts_at). */
@Service
public class BookingOverview {

    private final NamedParameterJdbcTemplate jdbc;
    private final PatientAccess access;
    private final Clock clock;

    BookingOverview(NamedParameterJdbcTemplate jdbc, PatientAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** The start of each patient's next booked appointment; patients with none are absent. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> nextAppointments(Collection<Long> patientIds) {
        access.checkAll(patientIds);
        Map<Long, Instant> next = new HashMap<>();
        if (patientIds.isEmpty()) {
            return next;
        }
        // Instants are stored as UTC wall-clock times (hibernate.jdbc.time_zone=UTC), whatever the JVM's zone.
        var params = new MapSqlParameterSource("ids", patientIds)
                .addValue("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        jdbc.query("""
                select patient_id, min(starts_at) as next_start from appointment
                where patient_id in (:ids) and status = 'BOOKED' and starts_at > :now
                group by patient_id""", params, row -> {
            next.put(row.getLong("patient_id"),
                    row.getObject("next_start", LocalDateTime.class).toInstant(ZoneOffset.UTC));
        });
        return next;
    }
}
