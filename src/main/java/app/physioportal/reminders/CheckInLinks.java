package app.physioportal.reminders;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.diary.CheckInInput;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightStatus;
import app.physioportal.security.Directory;
import app.physioportal.security.SystemTasks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The morning email's "No cramps" link: 256 random bits, of which only the SHA-256 is stored, for one patient and
 * one night, valid until noon after that night, used once. A token that was altered matches no row. Opening the
 * link shows a page; only pressing its button (a POST) records the night, so mail scanners that follow links record
 * nothing. Every use and every refusal is audited.
 */
@Service
public class CheckInLinks {

    public enum Status { READY, USED, EXPIRED, UNKNOWN, HAS_CRAMPS, RECORDED }

    /** What a link is for, and whether it can still be used. */
    public record Preview(Status status, LocalDate night, String firstName) {
    }

    private record Link(String hash, long accountId, LocalDate night, Instant expiresAt, Instant usedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditService audit;
    private final DiaryService diary;
    private final SystemTasks system;
    private final Directory directory;

    CheckInLinks(JdbcTemplate jdbc, Clock clock, AuditService audit, DiaryService diary, SystemTasks system,
            Directory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.diary = diary;
        this.system = system;
        this.directory = directory;
    }

    /** A new token for this patient and night; only its hash is kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String create(long patientId, LocalDate night, Instant expiresAt) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.update("insert into check_in_link (token_hash, account_id, night, expires_at, created_at) values (?, ?, ?, ?, ?)",
                hash(token), patientId, java.sql.Date.valueOf(night), Timestamp.from(expiresAt),
                Timestamp.from(clock.instant()));
        return token;
    }

    /** What the page shows before the button is pressed. Changes nothing. */
    @Transactional(readOnly = true)
    public Preview preview(String token) {
        Optional<Link> link = find(token, false);
        if (link.isEmpty()) {
            return new Preview(Status.UNKNOWN, LocalDate.MIN, "");
        }
        String name = firstName(link.get().accountId());
        return new Preview(state(link.get()), link.get().night(), name);
    }

    /** Records the night as cramp-free, once. */
    @Transactional
    public Preview use(String token) {
        Optional<Link> found = find(token, true);
        if (found.isEmpty()) {
            audit.recordAs("check-in link", AuditAction.CHECK_IN_LINK_REFUSED, null, "unknown or altered link");
            return new Preview(Status.UNKNOWN, LocalDate.MIN, "");
        }
        Link link = found.get();
        String name = firstName(link.accountId());
        Status state = state(link);
        if (state != Status.READY) {
            audit.recordAs("check-in link", AuditAction.CHECK_IN_LINK_REFUSED, link.accountId(),
                    "night " + link.night() + ": " + state.name().toLowerCase());
            return new Preview(state, link.night(), name);
        }
        String email = directory.people(List.of(link.accountId())).get(link.accountId()).email();
        boolean[] hasCramps = {false};
        system.runAsAccount(email, () -> {
            // The diary refuses cramp-free for a night with cramps logged: say so, and leave the link unused.
            hasCramps[0] = diary.listNights(link.accountId(), link.night(), link.night()).stream()
                    .anyMatch(n -> n.status() == NightStatus.RECORDED_WITH_CRAMPS);
            if (!hasCramps[0]) {
                diary.checkIn(link.accountId(), new CheckInInput(link.night(), true, null));
            }
        });
        if (hasCramps[0]) {
            audit.recordAs("check-in link", AuditAction.CHECK_IN_LINK_REFUSED, link.accountId(),
                    "night " + link.night() + ": cramps already logged");
            return new Preview(Status.HAS_CRAMPS, link.night(), name);
        }
        jdbc.update("update check_in_link set used_at = ? where token_hash = ? and used_at is null",
                Timestamp.from(clock.instant()), link.hash());
        audit.recordAs("check-in link", AuditAction.CHECK_IN_LINK_USED, link.accountId(),
                "night " + link.night() + " recorded cramp-free");
        return new Preview(Status.RECORDED, link.night(), name);
    }

    private Status state(Link link) {
        if (link.usedAt() != null) {
            return Status.USED;
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            return Status.EXPIRED;
        }
        return Status.READY;
    }

    private Optional<Link> find(String token, boolean lock) {
        if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return jdbc.query("select token_hash, account_id, night, expires_at, used_at from check_in_link"
                + " where token_hash = ?" + (lock ? " for update" : ""), (row, i) -> new Link(row.getString(1),
                row.getLong(2), row.getDate(3).toLocalDate(), row.getTimestamp(4).toInstant(),
                row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant()), hash(token)).stream().findFirst();
    }

    private String firstName(long accountId) {
        var person = directory.people(List.of(accountId)).get(accountId);
        return person == null ? "" : app.physioportal.clinic.Clinic.firstName(person.name());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
