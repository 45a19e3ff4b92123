package app.physioportal.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The address people reach the portal at (PUBLIC_URL), for links in emails and calendar files. */
@Component
public class PortalAddress {

    private final String base;

    PortalAddress(@Value("${app.public-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An absolute link to a path of the portal ("today", "check-in?t=..."). */
    public String link(String path) {
        return base + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
}
