package app.physioportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, including the pages Vaadin serves outside the Spring Security
 * filter chain (the login view's bootstrap page and static resources).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    /**
     * Locked to this origin, with two exceptions Vaadin Flow needs: inline scripts and eval, because its client
     * runs the scripts the server sends (executeJs, the bootstrap) through the Function constructor; without
     * 'unsafe-eval' not even the sign-in page renders (tried: the browser journeys then fail at the login form).
     * Its components set inline styles. No WebSocket or other origin is contacted: the portal does not use
     * Vaadin's server push, so connect-src is this origin only (browser notifications come through the browser's
     * own push service, which page scripts never contact) (service-worker.js is served with this policy too, so the
     * service worker's own fetches are held to it). The web app manifest and the service worker load from this
     * origin only (manifest-src, worker-src: no blob: or data: workers). AccessibilityTest asserts that no page of
     * any role reports a violation of this policy.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) {
            // Over https (directly, or from a trusted proxy that says so): browsers stay on https for a year.
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
