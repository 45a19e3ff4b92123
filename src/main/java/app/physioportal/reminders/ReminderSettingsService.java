package app.physioportal.reminders;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.clinic.Clinic;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's reminder settings: their own to change, their physio's to read. No row means the defaults. */
@Service
public class ReminderSettingsService {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final PatientAccess access;
    private final AuditService audit;
    private final Clinic clinic;
    private final Clock clock;

    ReminderSettingsService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, PatientAccess access,
            AuditService audit, Clinic clinic, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.access = access;
        this.audit = audit;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** The signed-in person's settings. */
    @Transactional(readOnly = true)
    public ReminderSettings mine() {
        return load(currentUser.require().id());
    }

    /**
     * Saves the signed-in person's settings after checking every value; a bad one saves nothing and names the field.
     */
    @Transactional
    public void saveMine(ReminderSettings settings) {
        PortalUser user = currentUser.require();
        if (user.role() == Role.ADMIN) {
            throw new AccessDeniedException("The clinic manager has no reminders.");
        }
        validate(settings);
        ReminderSettings before = load(user.id());
        store(user.id(), settings);
        audit.record(AuditAction.REMINDERS_CHANGED, user.role() == Role.PATIENT ? user.id() : null,
                describeChange(before, settings));
    }

    /** A patient's settings for their physio (read-only), checked and audited like any read of the record. */
    @Transactional(readOnly = true)
    public ReminderSettings of(long patientId) {
        access.check(patientId);
        return load(patientId);
    }

    /** For the scheduled jobs (which act for no one in particular): the settings of each of these accounts. */
    @Transactional(readOnly = true)
    public Map<Long, ReminderSettings> forAccounts(Collection<Long> accountIds) {
        Map<Long, ReminderSettings> result = new HashMap<>();
        if (accountIds.isEmpty()) {
            return result;
        }
        List<Long> ids = new ArrayList<>(accountIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.query("select * from reminder_settings where account_id in (:ids)", new MapSqlParameterSource("ids",
                    chunk), row -> {
                result.put(row.getLong("account_id"), read(row));
            });
        }
        accountIds.forEach(id -> result.putIfAbsent(id, ReminderSettings.DEFAULTS));
        return result;
    }

    /** Turns one kind off, for the unsubscribe link (no one is signed in). */
    @Transactional
    void turnOff(long accountId, ReminderKind kind) {
        store(accountId, load(accountId).without(kind));
    }

    ReminderSettings load(long accountId) {
        List<ReminderSettings> found = jdbc.query("select * from reminder_settings where account_id = :id",
                new MapSqlParameterSource("id", accountId), (row, i) -> read(row));
        return found.isEmpty() ? ReminderSettings.DEFAULTS : found.getFirst();
    }

    void validate(ReminderSettings s) {
        if (s.bedtime() == null) {
            throw new InvalidInput("bedtime", "Choose your bedtime.");
        }
        LocalTime bed = s.bedtime();
        if (bed.isBefore(ReminderSettings.EARLIEST_BEDTIME) && bed.isAfter(ReminderSettings.LATEST_BEDTIME)) {
            throw new InvalidInput("bedtime", "Choose a bedtime between 19:00 and 02:00.");
        }
        if (s.minutesBefore() < 0 || s.minutesBefore() > ReminderSettings.MAX_MINUTES_BEFORE) {
            throw new InvalidInput("minutesBefore", "Choose from 0 to " + ReminderSettings.MAX_MINUTES_BEFORE
                    + " minutes before bedtime.");
        }
        if (s.morningTime() == null) {
            throw new InvalidInput("morningTime", "Choose a time for the morning email.");
        }
        if (s.morningTime().isBefore(ReminderSettings.EARLIEST_MORNING)
                || s.morningTime().isAfter(ReminderSettings.LATEST_MORNING)) {
            throw new InvalidInput("morningTime", "Choose a morning time between 05:00 and 11:00.");
        }
        LocalDate today = clinic.today();
        if (s.awayUntil() != null && s.awayUntil().isBefore(today)) {
            throw new InvalidInput("awayUntil", "That day has passed: choose today or a later day, or clear it.");
        }
        if (s.awayUntil() != null && s.awayUntil().isAfter(today.plusYears(1))) {
            throw new InvalidInput("awayUntil", "Choose a day within the next year.");
        }
    }

    private void store(long accountId, ReminderSettings s) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", accountId)
                .addValue("bedtime", Time.valueOf(s.bedtime())).addValue("bedtimeReminder", s.bedtimeReminder())
                .addValue("minutes", s.minutesBefore()).addValue("morningReminder", s.morningReminder())
                .addValue("morningTime", Time.valueOf(s.morningTime()))
                .addValue("appointments", s.appointmentReminders()).addValue("nudges", s.nudges())
                .addValue("digest", s.weeklyDigest()).addValue("messages", s.messageEmails())
                .addValue("away", s.awayUntil() == null ? null : Date.valueOf(s.awayUntil()))
                .addValue("now", Timestamp.from(clock.instant()));
        int updated = jdbc.update("update reminder_settings set bedtime = :bedtime, bedtime_reminder = :bedtimeReminder,"
                + " minutes_before = :minutes, morning_reminder = :morningReminder, morning_time = :morningTime,"
                + " appointment_reminders = :appointments, nudges = :nudges, weekly_digest = :digest,"
                + " message_emails = :messages, away_until = :away, updated_at = :now where account_id = :id", p);
        if (updated == 0) {
            jdbc.update("insert into reminder_settings (account_id, bedtime, bedtime_reminder, minutes_before,"
                    + " morning_reminder, morning_time, appointment_reminders, nudges, weekly_digest, message_emails,"
                    + " away_until, updated_at) values (:id, :bedtime, :bedtimeReminder, :minutes, :morningReminder,"
                    + " :morningTime, :appointments, :nudges, :digest, :messages, :away, :now)", p);
        }
    }

    private static ReminderSettings read(ResultSet row) throws SQLException {
        Date away = row.getDate("away_until");
        return new ReminderSettings(row.getTime("bedtime").toLocalTime(), row.getBoolean("bedtime_reminder"),
                row.getInt("minutes_before"), row.getBoolean("morning_reminder"),
                row.getTime("morning_time").toLocalTime(), row.getBoolean("appointment_reminders"),
                row.getBoolean("nudges"), row.getBoolean("weekly_digest"), away == null ? null : away.toLocalDate(),
                row.getBoolean("message_emails"));
    }

    private static String describeChange(ReminderSettings before, ReminderSettings after) {
        List<String> changes = new ArrayList<>();
        if (!before.bedtime().equals(after.bedtime())) {
            changes.add("bedtime " + after.bedtime());
        }
        for (ReminderKind kind : ReminderKind.values()) {
            if (before.wants(kind) != after.wants(kind)) {
                changes.add(kind.name().toLowerCase() + (after.wants(kind) ? " on" : " off"));
            }
        }
        if (before.minutesBefore() != after.minutesBefore()) {
            changes.add(after.minutesBefore() + " min before bedtime");
        }
        if (!before.morningTime().equals(after.morningTime())) {
            changes.add("morning " + after.morningTime());
        }
        if (!java.util.Objects.equals(before.awayUntil(), after.awayUntil())) {
            changes.add(after.awayUntil() == null ? "not away" : "away until " + after.awayUntil());
        }
        return changes.isEmpty() ? "reminders saved unchanged" : "reminders: " + String.join(", ", changes);
    }
}
