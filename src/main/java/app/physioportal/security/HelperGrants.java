package app.physioportal.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code helper_grant}: which helper may see which patient, and whether they may record. Read by
 * {@link PatientAccess} on every access of a helper, so a revocation takes effect at the helper's next request.
 * Answers without checking who asks: {@link Helpers} and {@link PatientAccess} do that.
 */
@Component
class HelperGrants {

    /** One grant, active or ended, with both people's names. */
    record Grant(long id, long patientId, String patientName, long helperId, String helperName, String helperEmail,
            @Nullable String relationship, boolean mayRecord, Instant grantedAt, @Nullable Instant revokedAt,
            boolean invitationPending, boolean helperEnabled) {
    }

    private static final String SELECT = """
            select g.id, g.patient_id, p.display_name as patient_name, g.helper_id, h.display_name as helper_name,
                   h.email as helper_email, g.relationship, g.may_record, g.granted_at, g.revoked_at,
                   h.invitation_pending, h.enabled
              from helper_grant g
              join account p on p.id = g.patient_id
              join account h on h.id = g.helper_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    HelperGrants(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this helper may record for this patient now; empty when they have no active grant at all. */
    Optional<Boolean> activeMayRecord(long helperId, long patientId) {
        List<Boolean> found = jdbc.queryForList("""
                select g.may_record from helper_grant g join account h on h.id = g.helper_id
                 where g.helper_id = :helper and g.patient_id = :patient and g.revoked_at is null and h.enabled
                """, new MapSqlParameterSource("helper", helperId).addValue("patient", patientId), Boolean.class);
        return found.stream().reduce(Boolean::logicalOr);
    }

    List<Grant> activeOfPatient(long patientId) {
        return jdbc.query(SELECT + " where g.patient_id = :patient and g.revoked_at is null order by g.granted_at, g.id",
                new MapSqlParameterSource("patient", patientId), HelperGrants::grant);
    }

    List<Grant> activeOfHelper(long helperId) {
        return jdbc.query(SELECT + " where g.helper_id = :helper and g.revoked_at is null order by g.granted_at, g.id",
                new MapSqlParameterSource("helper", helperId), HelperGrants::grant);
    }

    Optional<Grant> byId(long grantId) {
        return jdbc.query(SELECT + " where g.id = :id", new MapSqlParameterSource("id", grantId), HelperGrants::grant)
                .stream().findFirst();
    }

    long insert(long patientId, long helperId, @Nullable String relationship, boolean mayRecord, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("""
                insert into helper_grant (patient_id, helper_id, relationship, may_record, granted_at)
                values (:patient, :helper, :relationship, :mayRecord, :now)
                """, new MapSqlParameterSource("patient", patientId).addValue("helper", helperId)
                .addValue("relationship", relationship).addValue("mayRecord", mayRecord)
                .addValue("now", utc(now)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    boolean setMayRecord(long grantId, boolean mayRecord) {
        return jdbc.update("update helper_grant set may_record = :mayRecord where id = :id and revoked_at is null",
                new MapSqlParameterSource("id", grantId).addValue("mayRecord", mayRecord)) == 1;
    }

    boolean revoke(long grantId, String by, Instant now) {
        return jdbc.update("""
                update helper_grant set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null
                """, new MapSqlParameterSource("id", grantId).addValue("by", by).addValue("now", utc(now))) == 1;
    }

    /** Grants given by this patient since then, ended ones included: invitations are throttled per patient. */
    int countGrantedSince(long patientId, Instant since) {
        return jdbc.queryForObject("select count(*) from helper_grant where patient_id = :patient and granted_at > :since",
                new MapSqlParameterSource("patient", patientId).addValue("since", utc(since)), Integer.class);
    }

    /** Serialises changes to one patient's helpers (two invitations of the same person at once). */
    void lockPatient(long patientId) {
        jdbc.queryForList("select account_id from patient where account_id = :patient for update",
                new MapSqlParameterSource("patient", patientId), Long.class);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        LocalDateTime revoked = rs.getObject("revoked_at", LocalDateTime.class);
        return new Grant(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("patient_name"),
                rs.getLong("helper_id"), rs.getString("helper_name"), rs.getString("helper_email"),
                rs.getString("relationship"), rs.getBoolean("may_record"), rs.getObject("granted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                revoked == null ? null : revoked.toInstant(ZoneOffset.UTC), rs.getBoolean("invitation_pending"),
                rs.getBoolean("enabled"));
    }
}
