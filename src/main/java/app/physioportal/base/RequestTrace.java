package app.physioportal.base;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets an id: the one a proxy sent in {@code X-Request-Id} when it looks like an id, or a new one. It
 * goes back in the answer's {@code X-Request-Id} and into every log line written while the request runs (the MDC key
 * {@value #MDC_KEY}, a field of its own in the JSON logs), so a person's "it said something went wrong at 03:12" can
 * be found in the log by the id the proxy logged too.
 * <p>
 * It also times Vaadin's requests by kind ({@code portal.vaadin.requests}, tag {@code type}: uidl for a click or a
 * typed value, heartbeat, page for a page load), which Spring's own http.server.requests cannot tell apart: all of
 * them go to the same address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestTrace extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** What a proxy's id may look like; anything else (too long, markup, line breaks) is replaced, never logged. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One line per request at DEBUG (logging.level.app.physioportal.access=debug): method, path, status, time. */
    private static final Logger access = LoggerFactory.getLogger("app.physioportal.access");
    /** A long segment of a path is a link's token (check-in, invitation): it is never written down. */
    private static final Pattern LONG_SEGMENT = Pattern.compile("/[^/]{20,}");

    private final MeterRegistry meters;

    RequestTrace(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : newId();
        response.setHeader(HEADER, id);
        String kind = vaadinKind(request);
        Timer.Sample sample = kind == null ? null : Timer.start(meters);
        long started = System.nanoTime();
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isDebugEnabled()) {
                access.debug("{} {}{} {} {} ms", request.getMethod(), maskedPath(request.getRequestURI()),
                        kind == null ? "" : " (" + kind + ")", response.getStatus(), (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(MDC_KEY);
            if (sample != null) {
                sample.stop(Timer.builder("portal.vaadin.requests")
                        .description("Vaadin requests by kind: uidl (a click or a value), heartbeat, page loads")
                        .tag("type", kind)
                        .tag("outcome", outcome(response.getStatus()))
                        .register(meters));
            }
        }
    }

    static String maskedPath(String path) {
        return LONG_SEGMENT.matcher(path).replaceAll("/…");
    }

    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** uidl, heartbeat or page for Vaadin's own requests; null for files, the actuator and everything else. */
    static String vaadinKind(HttpServletRequest request) {
        String type = request.getParameter("v-r");
        if (type != null) {
            return switch (type) {
                case "uidl", "heartbeat" -> type;
                case "init" -> "page";
                default -> null;
            };
        }
        String path = request.getRequestURI();
        boolean file = path.startsWith("/VAADIN/") || path.startsWith("/actuator") || path.lastIndexOf('.') > path.lastIndexOf('/');
        return "GET".equals(request.getMethod()) && !file ? "page" : null;
    }

    private static String outcome(int status) {
        return status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success";
    }
}
