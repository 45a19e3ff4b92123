package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-address throttling of sign-in attempts, against one address guessing many accounts' passwords
 * (the per-account lock cannot see that). Kept in memory: each instance throttles what it receives.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final AuditService audit;
    private final Clock clock;
    private final SlidingWindow attempts;

    LoginThrottleFilter(AuditService audit, Clock clock, int maxAttempts) {
        this.audit = audit;
        this.clock = clock;
        this.attempts = new SlidingWindow(WINDOW, maxAttempts);
    }

    /** The sign-in form's POST, the one request both sign-in filters look at. */
    static boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isSignIn(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (allow(address)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Too many sign-in attempts from your network. Please wait a few minutes and try again.");
    }

    boolean allow(String address) {
        SlidingWindow.Verdict verdict = attempts.add(address, clock.instant());
        if (verdict == SlidingWindow.Verdict.FIRST_REFUSAL) {
            audit.recordAs("ip:" + address, AuditAction.LOGIN_THROTTLED, null,
                    attempts.max() + " sign-in attempts within " + WINDOW.toMinutes() + " minutes");
        }
        return verdict == SlidingWindow.Verdict.ALLOWED;
    }
}
