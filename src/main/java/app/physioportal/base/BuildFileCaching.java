package app.physioportal.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The production build's files under /VAADIN/build/ carry a hash of their content in their name
 * (indexhtml-egdKM0nP.js): a new build gives new names, so a phone may keep each for a year without asking again.
 * Vaadin serves them with an hour's max-age; this filter replaces that with a year and {@code immutable} for hashed
 * names only. Pages and Vaadin's UIDL answers are not touched (they stay uncached).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BuildFileCaching extends OncePerRequestFilter {

    static final String FOREVER = "public, max-age=31536000, immutable";
    /** A name with a content hash before its extension: name-XXXXXXXX.js, .css, .woff2 ... */
    private static final Pattern HASHED = Pattern.compile("/VAADIN/build/.*-[A-Za-z0-9_-]{8,}\\.[a-z0-9]+$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HASHED.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", FOREVER);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!"Cache-Control".equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!"Cache-Control".equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
