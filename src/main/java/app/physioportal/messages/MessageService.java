package app.physioportal.messages;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.patient.PatientService;
import app.physioportal.security.Directory;
import app.physioportal.security.Directory.Person;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PatientAssignments;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import app.physioportal.security.CurrentUser;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's conversation with their care team: the patient and the physio assigned to them now (after a
 * reassignment the new physio reads the whole history and the old one nothing). Every method checks the caller's
 * access to the patient first; refusals are audited by {@link PatientAccess}. Messages are never edited: a sender
 * may withdraw one within {@link #WITHDRAW_WITHIN}, after which it shows as withdrawn to everyone and its text
 * stays in the record.
 */
@Service
public class MessageService {

    public static final int MAX_LENGTH = 2000;
    public static final Duration WITHDRAW_WITHIN = Duration.ofMinutes(5);
    /** More than this many messages from one account within {@link #FLOOD_WINDOW} are refused. */
    public static final int FLOOD_LIMIT = 20;
    public static final Duration FLOOD_WINDOW = Duration.ofMinutes(10);

    /**
     * One message as its reader sees it. {@code body} is null once withdrawn; {@code readAt} is when the other side
     * first saw it; {@code withdrawableUntil} is set only on the reader's own messages that may still be withdrawn.
     */
    public record MessageView(long id, boolean fromPatient, boolean mine, String senderName, Instant sentAt,
            @Nullable String body, @Nullable Instant withdrawnAt, @Nullable Instant readAt, @Nullable About about,
            @Nullable Instant withdrawableUntil) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** The conversation as one reader sees it, oldest message first. */
    public record Conversation(long patientId, String patientName, @Nullable String physioName,
            List<MessageView> messages) {
    }

    /** A line of the physio's inbox: one per patient with a conversation. */
    public record InboxRow(long patientId, String patientName, Instant lastAt, boolean lastFromPatient,
            int unread, @Nullable Instant waitingSince) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PatientAccess access;
    private final CurrentUser currentUser;
    private final PatientAssignments assignments;
    private final Directory directory;
    private final AuditService audit;
    private final MessageEmails emails;
    private final Topics topics;
    private final PatientService patients;
    private final MessageSignals signals;
    private final Clock clock;
    private final Duration answerWithin;

    MessageService(NamedParameterJdbcTemplate jdbc, PatientAccess access, CurrentUser currentUser,
            PatientAssignments assignments, Directory directory, AuditService audit, MessageEmails emails, Topics topics,
            PatientService patients, MessageSignals signals, Clock clock, @Value("${app.messages.answer-within:PT48H}") Duration answerWithin) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.directory = directory;
        this.audit = audit;
        this.emails = emails;
        this.topics = topics;
        this.patients = patients;
        this.signals = signals;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    /** How soon the clinic answers, as it promises on the compose box and flags on the caseload. */
    public Duration answerWithin() {
        return answerWithin;
    }

    /**
     * Opens the conversation: the reader's unread messages from the other side are marked read (the receipt), and
     * the reading is audited.
     */
    @Transactional
    public Conversation open(long patientId) {
        PortalUser reader = access.check(patientId);
        int newlyRead = markRead(patientId, reader);
        audit.record(AuditAction.CONVERSATION_READ, patientId, newlyRead == 0 ? "opened"
                : "opened, " + newlyRead + " new " + (newlyRead == 1 ? "message" : "messages") + " read");
        return load(patientId, reader);
    }

    /**
     * The open page's refresh when the conversation changed: as {@link #open}, audited only when it marks messages
     * read (a page left open does not fill the trail with readings of nothing new).
     */
    @Transactional
    public Conversation refresh(long patientId) {
        PortalUser reader = access.check(patientId);
        int newlyRead = markRead(patientId, reader);
        if (newlyRead > 0) {
            audit.record(AuditAction.CONVERSATION_READ, patientId, newlyRead + " new "
                    + (newlyRead == 1 ? "message" : "messages") + " read while open");
        }
        return load(patientId, reader);
    }

    /**
     * Sends a message in the patient's conversation, as the patient or as their physio. The text is kept as typed
     * (shown as text, never as markup); blank, over-long or flooding messages are refused with the words to show
     * and nothing is saved. The recipient gets an email without the message, at most one an hour.
     */
    @Transactional
    public long send(long patientId, String body, @Nullable About about) {
        PortalUser sender = access.check(patientId);
        if (sender.role() != Role.PATIENT && sender.role() != Role.PHYSIO) {
            throw new AccessDeniedException("Only the patient and their physio write in this conversation.");
        }
        String text = clean(body);
        if (text.isEmpty()) {
            throw new InvalidInput("body", "Write your message first.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInput("body", "Keep it under " + MAX_LENGTH + " characters (this is " + text.length()
                    + "). Split it into two messages, or bring it to your next appointment.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Integer recent = jdbc.queryForObject("select count(*) from message where sender_id = :sender and sent_at > :since",
                new MapSqlParameterSource("sender", sender.id()).addValue("since", Timestamp.from(now.minus(FLOOD_WINDOW))),
                Integer.class);
        if (recent != null && recent >= FLOOD_LIMIT) {
            audit.record(AuditAction.MESSAGE_THROTTLED, patientId, recent + " messages in the last "
                    + FLOOD_WINDOW.toMinutes() + " minutes");
            throw new InvalidInput("body", "That is " + FLOOD_LIMIT + " messages in " + FLOOD_WINDOW.toMinutes()
                    + " minutes: please wait a few minutes before sending more. Your text is still here. "
                    + "If it is urgent, call the clinic.");
        }
        if (about != null) {
            topics.check(patientId, about);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into message (patient_id, sender_id, from_patient, sent_at, body, about_kind, about_day,"
                + " about_number, changed_at) values (:patient, :sender, :fromPatient, :now, :body, :kind, :day, :number,"
                + " :now)", new MapSqlParameterSource("patient", patientId).addValue("sender", sender.id())
                        .addValue("fromPatient", sender.role() == Role.PATIENT).addValue("now", Timestamp.from(now))
                        .addValue("body", text).addValue("kind", about == null ? null : about.kind().name())
                        .addValue("day", about == null || about.day() == null ? null : Date.valueOf(about.day()))
                        .addValue("number", about == null ? null : about.number()),
                key, new String[] {"id"});
        long id = key.getKey().longValue();
        signals.changedAfterCommit(patientId);
        audit.record(AuditAction.MESSAGE_SENT, patientId, "message " + id + " from the "
                + (sender.role() == Role.PATIENT ? "patient" : "physio")
                + (about == null ? "" : ", about " + about.kind().name().toLowerCase()));
        Long recipient = sender.role() == Role.PATIENT ? assignments.physioOf(patientId).orElse(null) : patientId;
        if (recipient != null) {
            emails.notify(patientId, recipient, sender.role() == Role.PATIENT, now);
        }
        return id;
    }

    /**
     * For the demo clinic only (refused at any other time): a message as the signed-in sender, sent at a past time
     * and, if given, read by the other side then. No email.
     */
    @Transactional
    public long recordDemoMessage(long patientId, String body, @Nullable About about, Instant sentAt,
            @Nullable Instant readAt) {
        if (!SystemTasks.isSeeding()) {
            throw new AccessDeniedException("Only the demo clinic's seeding records past messages.");
        }
        PortalUser sender = access.check(patientId);
        Long reader = sender.role() == Role.PATIENT ? assignments.physioOf(patientId).orElse(null) : patientId;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into message (patient_id, sender_id, from_patient, sent_at, body, about_kind, about_day,"
                + " about_number, read_at, read_by, changed_at) values (:patient, :sender, :fromPatient, :sent, :body,"
                + " :kind, :day, :number, :read, :reader, :sent)", new MapSqlParameterSource("patient", patientId)
                        .addValue("sender", sender.id()).addValue("fromPatient", sender.role() == Role.PATIENT)
                        .addValue("sent", Timestamp.from(sentAt)).addValue("body", clean(body))
                        .addValue("kind", about == null ? null : about.kind().name())
                        .addValue("day", about == null || about.day() == null ? null : Date.valueOf(about.day()))
                        .addValue("number", about == null ? null : about.number())
                        .addValue("read", readAt == null ? null : Timestamp.from(readAt))
                        .addValue("reader", readAt == null ? null : reader),
                key, new String[] {"id"});
        return key.getKey().longValue();
    }

    /** The sender takes a message back within five minutes; it shows as withdrawn and stays in the record. */
    @Transactional
    public void withdraw(long patientId, long messageId) {
        PortalUser user = access.check(patientId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Instant> sentAt = jdbc.query("select sent_at from message where id = :id and patient_id = :patient"
                + " and sender_id = :sender and withdrawn_at is null", new MapSqlParameterSource("id", messageId)
                        .addValue("patient", patientId).addValue("sender", user.id()),
                (row, i) -> row.getTimestamp(1).toInstant());
        if (sentAt.isEmpty()) {
            audit.record(AuditAction.ACCESS_DENIED, patientId, "withdraw message " + messageId
                    + ": not the sender's, or already withdrawn");
            throw new AccessDeniedException("Only the sender may withdraw a message, once.");
        }
        if (now.isAfter(sentAt.getFirst().plus(WITHDRAW_WITHIN))) {
            throw new InvalidInput("withdraw", "A message can be withdrawn within " + WITHDRAW_WITHIN.toMinutes()
                    + " minutes of sending. Send a correction instead.");
        }
        jdbc.update("update message set withdrawn_at = :now, changed_at = :now where id = :id",
                new MapSqlParameterSource("id", messageId).addValue("now", Timestamp.from(now)));
        signals.changedAfterCommit(patientId);
        audit.record(AuditAction.MESSAGE_WITHDRAWN, patientId, "message " + messageId);
    }

    /** For the navigation badge: the signed-in patient's unread messages, or a physio's across their patients. */
    @Transactional(readOnly = true)
    public int myUnread() {
        Optional<PortalUser> user = currentUser.get();
        if (user.isEmpty()) {
            return 0;
        }
        return switch (user.get().role()) {
            case PATIENT -> count("select count(*) from message where patient_id = :id and from_patient = false"
                    + " and read_at is null and withdrawn_at is null", user.get().id());
            // A count over the physio's current patients, naming none: not a reading of anyone's record.
            case PHYSIO -> count("select count(*) from message m where m.from_patient = true and m.read_at is null"
                    + " and m.withdrawn_at is null and m.patient_id in (select p.account_id from patient p"
                    + " where p.physio_id = :id)", user.get().id());
            case ADMIN, HELPER -> 0;
        };
    }

    /** Unread messages from each of these patients (the caller's own patients; refused otherwise). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> unreadFromPatients(Collection<Long> patientIds) {
        Map<Long, Integer> unread = new HashMap<>();
        if (patientIds.isEmpty()) {
            return unread;
        }
        access.checkAll(patientIds);
        jdbc.query("select patient_id, count(*) from message where patient_id in (:ids) and from_patient = true"
                + " and read_at is null and withdrawn_at is null group by patient_id",
                new MapSqlParameterSource("ids", patientIds), row -> {
                    unread.put(row.getLong(1), row.getInt(2));
                });
        return unread;
    }

    /**
     * For each of these patients whose latest word is theirs: when the first message the physio has not answered
     * was sent. Compare with {@link #answerWithin()}.
     */
    @Transactional(readOnly = true)
    public Map<Long, Instant> waitingSince(Collection<Long> patientIds) {
        Map<Long, Instant> waiting = new HashMap<>();
        if (patientIds.isEmpty()) {
            return waiting;
        }
        access.checkAll(patientIds);
        jdbc.query("select m.patient_id, min(m.sent_at) from message m where m.patient_id in (:ids)"
                + " and m.from_patient = true and m.withdrawn_at is null and m.id > coalesce((select max(r.id) from"
                + " message r where r.patient_id = m.patient_id and r.from_patient = false and r.withdrawn_at is null),"
                + " 0) group by m.patient_id", new MapSqlParameterSource("ids", patientIds), row -> {
                    waiting.put(row.getLong(1), row.getTimestamp(2).toInstant());
                });
        return waiting;
    }

    /** The physio's conversations: unread first, then those waiting for an answer, then the latest. */
    @Transactional(readOnly = true)
    public List<InboxRow> inbox() {
        PortalUser physio = currentUser.require();
        if (physio.role() != Role.PHYSIO) {
            throw new AccessDeniedException("The inbox is the physio's.");
        }
        Map<Long, String> names = new HashMap<>();
        patients.myPatients().forEach(p -> names.put(p.id(), p.displayName()));
        List<Long> ids = List.copyOf(names.keySet());
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> unread = unreadFromPatients(ids);
        Map<Long, Instant> waiting = waitingSince(ids);
        List<InboxRow> rows = new ArrayList<>();
        // The latest message not withdrawn: a withdrawn one is no longer anybody's last word.
        jdbc.query("select m.patient_id, m.sent_at, m.from_patient from message m join (select patient_id,"
                + " max(id) as last_id from message where patient_id in (:ids) and withdrawn_at is null"
                + " group by patient_id) l on m.id = l.last_id", new MapSqlParameterSource("ids", ids), row -> {
                    long patientId = row.getLong(1);
                    rows.add(new InboxRow(patientId, names.getOrDefault(patientId, "?"),
                            row.getTimestamp(2).toInstant(), row.getBoolean(3), unread.getOrDefault(patientId, 0),
                            waiting.get(patientId)));
                });
        rows.sort(Comparator.comparing((InboxRow r) -> r.unread() == 0)
                .thenComparing(r -> r.waitingSince() == null)
                .thenComparing(InboxRow::lastAt, Comparator.reverseOrder()));
        return rows;
    }

    /** Whether the message is in this patient's conversation (for a plan change made in answer to it). */
    @Transactional(readOnly = true)
    public boolean isInConversationOf(long messageId, long patientId) {
        return count("select count(*) from message where id = :id and patient_id = :patient",
                new MapSqlParameterSource("id", messageId).addValue("patient", patientId)) > 0;
    }

    /**
     * The whole conversation for the patient's download: withdrawn messages marked, with their text when the
     * patient wrote them.
     */
    @Transactional(readOnly = true)
    public List<MessageView> forExport(long patientId) {
        PortalUser reader = access.check(patientId);
        return rows(patientId, reader, true);
    }

    private int markRead(long patientId, PortalUser reader) {
        if (reader.role() != Role.PATIENT && reader.role() != Role.PHYSIO) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        int read = jdbc.update("update message set read_at = :now, read_by = :reader, changed_at = :now"
                + " where patient_id = :patient and from_patient = :fromOtherSide and read_at is null"
                + " and withdrawn_at is null", new MapSqlParameterSource("now", now).addValue("reader", reader.id())
                        .addValue("patient", patientId).addValue("fromOtherSide", reader.role() == Role.PHYSIO));
        if (read > 0) {
            signals.changedAfterCommit(patientId);
        }
        return read;
    }

    private Conversation load(long patientId, PortalUser reader) {
        Optional<Long> physioId = assignments.physioOf(patientId);
        Map<Long, Person> people = directory.people(physioId.isPresent() ? List.of(patientId, physioId.get())
                : List.of(patientId));
        Person patient = people.get(patientId);
        Person physio = physioId.map(people::get).orElse(null);
        return new Conversation(patientId, patient == null ? "?" : patient.name(), physio == null ? null : physio.name(),
                rows(patientId, reader, false));
    }

    private List<MessageView> rows(long patientId, PortalUser reader, boolean withWithdrawnText) {
        Instant now = clock.instant();
        List<Raw> raw = jdbc.query("select * from message where patient_id = :patient order by id",
                new MapSqlParameterSource("patient", patientId), (row, i) -> Raw.of(row));
        var senderIds = new HashSet<Long>();
        raw.forEach(r -> senderIds.add(r.senderId));
        Map<Long, Person> senders = directory.people(senderIds);
        return raw.stream().map(r -> {
            boolean mine = r.senderId == reader.id();
            Person sender = senders.get(r.senderId);
            Instant until = r.sentAt.plus(WITHDRAW_WITHIN);
            return new MessageView(r.id, r.fromPatient, mine, sender == null ? "?" : sender.name(), r.sentAt,
                    r.withdrawnAt == null || withWithdrawnText && mine ? r.body : null, r.withdrawnAt, r.readAt, r.about,
                    mine && r.withdrawnAt == null && now.isBefore(until) ? until : null);
        }).toList();
    }

    private int count(String sql, long id) {
        return count(sql, new MapSqlParameterSource("id", id));
    }

    private int count(String sql, MapSqlParameterSource params) {
        Integer n = jdbc.queryForObject(sql, params, Integer.class);
        return n == null ? 0 : n;
    }

    /** Strips the ends and the control characters a paste can bring (keeping line breaks and tabs). */
    static String clean(@Nullable String body) {
        if (body == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(body.length());
        body.strip().codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private record Raw(long id, long senderId, boolean fromPatient, Instant sentAt, String body,
            @Nullable About about, @Nullable Instant readAt, @Nullable Instant withdrawnAt) {

        static Raw of(ResultSet row) throws SQLException {
            String kind = row.getString("about_kind");
            Date day = row.getDate("about_day");
            long number = row.getLong("about_number");
            boolean hasNumber = !row.wasNull();
            About about = kind == null ? null : new About(About.Kind.valueOf(kind),
                    day == null ? null : day.toLocalDate(), hasNumber ? number : null);
            Timestamp read = row.getTimestamp("read_at");
            Timestamp withdrawn = row.getTimestamp("withdrawn_at");
            return new Raw(row.getLong("id"), row.getLong("sender_id"), row.getBoolean("from_patient"),
                    row.getTimestamp("sent_at").toInstant(), row.getString("body"), about,
                    read == null ? null : read.toInstant(), withdrawn == null ? null : withdrawn.toInstant());
        }
    }
}
