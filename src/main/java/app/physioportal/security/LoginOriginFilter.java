package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in posted from another site (login CSRF: another page signing the browser in to an account the
 * attacker controls, so that what the person then records lands in it). The sign-in form carries no CSRF token,
 * so the browser's own word decides: Sec-Fetch-Site must say same-origin, or the Origin must be this portal's
 * host. A request with neither header (not a browser's form) is left to the password check.
 */
class LoginOriginFilter extends OncePerRequestFilter {

    private final AuditService audit;

    LoginOriginFilter(AuditService audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LoginThrottleFilter.isSignIn(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.getHeader("Host"));
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        audit.recordAs("ip:" + request.getRemoteAddr(), AuditAction.LOGIN_CROSS_SITE_REFUSED, null, refusal);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Please sign in on the portal's own sign-in page.");
    }

    /** Why the sign-in is refused, or null to let it through. */
    static @Nullable String refusal(@Nullable String fetchSite, @Nullable String origin, @Nullable String host) {
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite.strip().toLowerCase(Locale.ROOT)) ? null
                    : "sign-in posted from " + fetchSite.strip() + " (Sec-Fetch-Site)";
        }
        if (origin == null) {
            return null;
        }
        String originHost = hostOf(origin);
        if (originHost == null || host == null || !originHost.equalsIgnoreCase(host.strip())) {
            return "sign-in posted from origin " + origin.strip();
        }
        return null;
    }

    /** host[:port] of an Origin header, or null when it is "null" or not a URL. */
    private static @Nullable String hostOf(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }
}
