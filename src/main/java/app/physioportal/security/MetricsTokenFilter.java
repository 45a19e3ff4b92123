package app.physioportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics scraper's sign-in: {@code Authorization: Bearer <METRICS_TOKEN>}, compared in constant time. A token
 * shorter than {@value #SHORTEST} characters is not accepted at all (it could be guessed), nor is an unset one, so
 * by default nobody reads the metrics. Nothing is kept between requests.
 */
final class MetricsTokenFilter extends OncePerRequestFilter {

    static final int SHORTEST = 32;
    static final String ROLE = "METRICS";
    private static final Logger log = LoggerFactory.getLogger(MetricsTokenFilter.class);

    private final byte[] token;
    private final SecurityContextHolderStrategy contexts;

    MetricsTokenFilter(String token, SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
        String configured = token == null ? "" : token.strip();
        if (!configured.isEmpty() && configured.length() < SHORTEST) {
            log.warn("METRICS_TOKEN is shorter than {} characters and is ignored: /actuator/prometheus stays closed",
                    SHORTEST);
            configured = "";
        }
        this.token = configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (token.length > 0 && header != null && header.startsWith("Bearer ")) {
            byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(given, token)) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
                contexts.setContext(context);
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
