package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a sign-in owes its second factor, every page request goes to the second-factor page; Vaadin's own
 * requests pass (the second-factor page needs them, and views refuse a sign-in without a role). After ten minutes
 * the half-finished sign-in ends and the person starts again from the password.
 */
class SecondFactorGate extends OncePerRequestFilter {

    static final String PAGE = "/second-factor";
    private static final Set<String> OPEN = Set.of(PAGE, "/login", "/logout", "/favicon.ico", "/manifest.webmanifest",
            "/sw.js", "/offline.html");
    /** Styles, scripts, fonts and pictures the second-factor page itself needs; they hold no one's data. */
    private static final Pattern STATIC_FILE = Pattern.compile("/[\\w./-]+\\.(css|js|png|svg|ico|woff2?)");

    private final AuditService audit;
    private final Clock clock;

    SecondFactorGate(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnlyAuthentication pending)) {
            chain.doFilter(request, response);
            return;
        }
        PortalUser user = pending.getPrincipal();
        if (clock.instant().isAfter(user.signedInAt().plus(SecondFactorService.TIME_TO_ANSWER))) {
            audit.recordAs(user.email(), AuditAction.SESSION_ENDED, user.role() == Role.PATIENT ? user.id() : null,
                    "second factor not given within " + SecondFactorService.TIME_TO_ANSWER.toMinutes() + " minutes");
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.contains(path) || request.getParameter("v-r") != null || path.startsWith("/VAADIN/")
                || STATIC_FILE.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + PAGE);
    }
}
