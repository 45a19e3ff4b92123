package app.physioportal.security;

import java.time.Instant;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * For a request the page made by itself, such as an open conversation polling for new messages: it does not count
 * as the person using the portal, so a page left open still signs out after the idle time, as with Vaadin's
 * heartbeats. Called while handling that request.
 */
public final class BackgroundRequest {

    private BackgroundRequest() {
    }

    /** Puts the session's last use back to what it was before this request. */
    public static void notThePersonsDoing() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        if (request.getAttribute(SessionGuard.USED_BEFORE, RequestAttributes.SCOPE_REQUEST) instanceof Instant before) {
            request.setAttribute(SessionGuard.LAST_USED_AT, before, RequestAttributes.SCOPE_SESSION);
        }
    }
}
