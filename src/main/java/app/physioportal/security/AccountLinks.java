package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.clinic.Clinic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The single-use links the portal emails (an invitation, a password reset, an email change): 256 random bits, of
 * which only the SHA-256 is stored, so a copy of the database opens no account. A link is found by the hash of what
 * was presented, so an altered or made-up token matches no row and nothing is compared character by character. A
 * link works once and until it expires; issuing a new link of the same kind for the account revokes the older one,
 * so at most one of each kind is live. Every refusal is audited.
 */
@Component
class AccountLinks {

    enum Purpose {
        INVITATION("invitation"), PASSWORD_RESET("password reset link"), EMAIL_CHANGE("email change link");

        private final String words;

        Purpose(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    record Link(long id, Purpose purpose, long accountId, @Nullable String newEmail, Instant createdAt,
            Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt) {
    }

    /** What using a ready link does to its account: DONE, or the state that refuses it. */
    @FunctionalInterface
    interface Use {
        LinkState apply(Link link, Account account);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_LENGTH = 43;
    private static final String COLUMNS = "id, purpose, account_id, new_email, created_at, expires_at, used_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditService audit;
    private final AccountRepository accounts;

    AccountLinks(JdbcTemplate jdbc, Clock clock, AuditService audit, AccountRepository accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** A new link for the account, replacing any live one of the same kind; returns the token, which is not kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    String issue(Purpose purpose, long accountId, @Nullable String newEmail, Instant expiresAt) {
        revokeOutstanding(accountId, purpose);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.update("insert into account_link (token_hash, purpose, account_id, new_email, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?)", hash(token), purpose.name(), accountId, newEmail, utc(now()),
                utc(expiresAt));
        return token;
    }

    /** The link behind a token, if it is one of this kind; changes nothing. */
    Optional<Link> find(Purpose purpose, @Nullable String token) {
        return query(purpose, token, false);
    }

    /** The same, locked for the rest of the transaction, so two uses of one link at the same moment cannot both win. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Link> lock(Purpose purpose, @Nullable String token) {
        return query(purpose, token, true);
    }

    /** What the page opened from a link shows before anything is pressed. Changes nothing. */
    LinkPreview preview(Purpose purpose, @Nullable String token) {
        Optional<Link> found = find(purpose, token);
        if (found.isEmpty()) {
            return LinkPreview.unknown();
        }
        Account account = accounts.findById(found.get().accountId()).orElseThrow();
        return previewOf(found.get(), account).as(stateFor(found.get(), account));
    }

    /**
     * Uses a link once: refuses it (audited) unless it is ready and its account enabled; otherwise marks it used and
     * applies {@code use}. Should {@code use} throw (a password the policy refuses), the transaction rolls back and
     * the link stays unused; should it return a refusal, the link is spent and nothing else changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    LinkPreview use(Purpose purpose, @Nullable String token, Use use) {
        Optional<Link> found = lock(purpose, token);
        if (found.isEmpty()) {
            refused(purpose, null, null, LinkState.UNKNOWN);
            return LinkPreview.unknown();
        }
        Link link = found.get();
        Account account = accounts.findById(link.accountId()).orElseThrow();
        LinkPreview preview = previewOf(link, account);
        LinkState state = stateFor(link, account);
        if (state != LinkState.READY) {
            refused(purpose, link, account, state);
            return preview.as(state);
        }
        markUsed(link);
        LinkState outcome = use.apply(link, account);
        if (outcome != LinkState.DONE) {
            refused(purpose, link, account, outcome);
        }
        return preview.as(outcome);
    }

    private LinkState stateFor(Link link, Account account) {
        LinkState state = state(link);
        // Disabling an account revokes its links; one left over from before that rule is refused all the same.
        return state == LinkState.READY && !account.isEnabled() ? LinkState.REVOKED : state;
    }

    private static LinkPreview previewOf(Link link, Account account) {
        return new LinkPreview(LinkState.READY, Clinic.firstName(account.getDisplayName()),
                account.getEmail(), link.newEmail());
    }

    LinkState state(Link link) {
        if (link.usedAt() != null) {
            return LinkState.USED;
        }
        if (link.revokedAt() != null) {
            return LinkState.REVOKED;
        }
        return now().isBefore(link.expiresAt()) ? LinkState.READY : LinkState.EXPIRED;
    }

    /** Marks a locked, ready link used. */
    @Transactional(propagation = Propagation.MANDATORY)
    void markUsed(Link link) {
        int changed = jdbc.update("update account_link set used_at = ? where id = ? and used_at is null"
                + " and revoked_at is null", utc(now()), link.id());
        if (changed != 1) {
            throw new IllegalStateException("Link " + link.id() + " was not ready: lock it and check its state first");
        }
    }

    /** Cancels the account's live links of these kinds (all kinds when none is named); returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    int revokeOutstanding(long accountId, Purpose... purposes) {
        Purpose[] kinds = purposes.length == 0 ? Purpose.values() : purposes;
        String in = Arrays.stream(kinds).map(p -> "'" + p.name() + "'").collect(Collectors.joining(", "));
        return jdbc.update("update account_link set revoked_at = ? where account_id = ? and purpose in (" + in + ")"
                + " and used_at is null and revoked_at is null and expires_at > ?", utc(now()), accountId, utc(now()));
    }

    /** The newest link of this kind the account was sent, if any. */
    Optional<Link> latest(long accountId, Purpose purpose) {
        return jdbc.query("select " + COLUMNS + " from account_link where account_id = ? and purpose = ?"
                + " order by created_at desc, id desc limit 1", AccountLinks::link, accountId, purpose.name())
                .stream().findFirst();
    }

    /** How many links of this kind the account was sent since then, revoked ones included. */
    int issuedSince(long accountId, Purpose purpose, Instant since) {
        Integer count = jdbc.queryForObject("select count(*) from account_link where account_id = ? and purpose = ?"
                + " and created_at > ?", Integer.class, accountId, purpose.name(), utc(since));
        return count == null ? 0 : count;
    }

    /**
     * Audits a refused link: under the account's email when the link is known (so it shows in that account's trail),
     * otherwise under the address it came from.
     */
    void refused(Purpose purpose, @Nullable Link link, @Nullable Account account, LinkState state) {
        String why = switch (state) {
            case UNKNOWN -> "unknown or altered";
            case ADDRESS_TAKEN -> "the new address belongs to another account";
            default -> state.name().toLowerCase(Locale.ROOT);
        };
        String actor = account != null ? account.getEmail() : "ip:" + clientAddress();
        Long patientId = account != null && account.getRole() == Role.PATIENT ? account.getId() : null;
        audit.recordAs(actor, AuditAction.ACCOUNT_LINK_REFUSED, patientId,
                purpose.words() + (link == null ? "" : " " + link.id()) + ": " + why);
    }

    /** The address of the request being served (behind a trusted proxy, the client's), or "unknown" outside one. */
    static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : "unknown";
    }

    private Optional<Link> query(Purpose purpose, @Nullable String token, boolean lock) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from account_link where token_hash = ? and purpose = ?"
                + (lock ? " for update" : ""), AccountLinks::link, hash(token), purpose.name()).stream().findFirst();
    }

    private static Link link(ResultSet row, int i) throws SQLException {
        return new Link(row.getLong("id"), Purpose.valueOf(row.getString("purpose")), row.getLong("account_id"),
                row.getString("new_email"), instant(row, "created_at"), instant(row, "expires_at"),
                instantOrNull(row, "used_at"), instantOrNull(row, "revoked_at"));
    }

    private Instant now() {
        return SessionGuard.micros(clock.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DATETIME columns hold UTC wall-clock times (hibernate.jdbc.time_zone=UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static @Nullable Instant instantOrNull(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
