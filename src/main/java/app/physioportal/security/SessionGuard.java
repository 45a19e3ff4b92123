package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.DatabaseAway;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session at its next request once it may no longer be used: nobody has used it for the idle time
 * (Vaadin's heartbeats of an open tab do not count as use), it signed in longer ago than the absolute lifetime,
 * the account was disabled, or its password was reset or changed (or its sign-in email changed) after this session
 * signed in. The account is read from the database on each request, so this holds on every instance behind a load
 * balancer. The person lands on the sign-in page; the audit trail says why.
 */
class SessionGuard extends OncePerRequestFilter {

    /** Set on the session that changed its own password: it stays signed in, the account's other sessions end. */
    static final String RENEWED_AT = SessionGuard.class.getName() + ".renewedAt";
    /** The last request of this session that was the person's doing (not a heartbeat). */
    static final String LAST_USED_AT = SessionGuard.class.getName() + ".lastUsedAt";
    /** On a request: the session's last use before this request counted, for {@link BackgroundRequest}. */
    static final String USED_BEFORE = SessionGuard.class.getName() + ".usedBefore";

    private record AccountState(boolean enabled, @Nullable Instant sessionsValidFrom) {
    }

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;

    SessionGuard(JdbcTemplate jdbc, AuditService audit, Clock clock, Duration idleTimeout, Duration absoluteLifetime) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteLifetime = absoluteLifetime;
    }

    /** Times are compared as the database stores them, to the microsecond. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Keeps the current session (if any) when its account's other sessions are ended at {@code from}. */
    static void keepCurrentSession(Instant from) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RENEWED_AT, from, RequestAttributes.SCOPE_SESSION);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Built scripts and styles carry no data; the page and every server round trip are checked.
        return request.getRequestURI().startsWith(request.getContextPath() + "/VAADIN/build/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            String reason = lifetimeReason(user, session, request);
            if (reason == null) {
                // While the database is away this check cannot be made, and nothing can be read or written either:
                // the request goes on to be told so (DatabaseAway) instead of failing here with a bare 500. The check
                // runs again on the next request, once the database answers.
                reason = DatabaseAway.orElse(() -> endReason(user, session), null);
            }
            if (reason != null) {
                audit.recordAs(user.email(), AuditAction.SESSION_ENDED, user.role() == Role.PATIENT ? user.id() : null,
                        reason);
                SecurityContextHolder.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    /** Vaadin's keep-alive of an open tab: it says the tab is open, not that anyone is using it. */
    private static boolean isHeartbeat(HttpServletRequest request) {
        return "heartbeat".equals(request.getParameter("v-r"));
    }

    private @Nullable String lifetimeReason(PortalUser user, HttpSession session, HttpServletRequest request) {
        boolean heartbeat = isHeartbeat(request);
        Instant now = clock.instant();
        Instant signedIn = user.signedInAt();
        if (signedIn == null || now.isAfter(signedIn.plus(absoluteLifetime))) {
            return "signed in more than " + absoluteLifetime.toHours() + " hours ago";
        }
        Instant lastUsed = session.getAttribute(LAST_USED_AT) instanceof Instant last ? last : signedIn;
        if (now.isAfter(lastUsed.plus(idleTimeout))) {
            return "not used for more than " + idleTimeout.toMinutes() + " minutes";
        }
        if (!heartbeat) {
            request.setAttribute(USED_BEFORE, lastUsed);
            session.setAttribute(LAST_USED_AT, now);
        }
        return null;
    }

    private @Nullable String endReason(PortalUser user, HttpSession session) {
        List<AccountState> found = jdbc.query("select enabled, sessions_valid_from from account where id = ?",
                (rs, row) -> new AccountState(rs.getBoolean(1), instant(rs.getObject(2, LocalDateTime.class))), user.id());
        if (found.isEmpty()) {
            return "account no longer exists";
        }
        AccountState state = found.getFirst();
        if (!state.enabled()) {
            return "account disabled";
        }
        if (state.sessionsValidFrom() == null) {
            return null;
        }
        Instant since = user.signedInAt();
        if (session.getAttribute(RENEWED_AT) instanceof Instant renewed && (since == null || renewed.isAfter(since))) {
            since = renewed;
        }
        return since == null || since.isBefore(state.sessionsValidFrom())
                ? "signed in before the password was changed or reset, or the sign-in email changed" : null;
    }

    /** DATETIME columns hold UTC wall-clock times (hibernate.jdbc.time_zone=UTC). */
    private static @Nullable Instant instant(@Nullable LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }
}
