package app.physioportal.reminders;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address in the List-Unsubscribe header. A mail client's one-click POST (RFC 8058) stops that kind of
 * reminder at once; it carries no cookies and no CSRF token, so it is exempt from both, and the signed token is the
 * whole authority. A plain GET (a scanner, a person) changes nothing and goes to the page that asks first.
 */
@RestController
class OneClickUnsubscribe {

    static final String PATH = "/unsubscribe/one-click";

    private final Unsubscribe unsubscribe;

    OneClickUnsubscribe(Unsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @PostMapping(PATH)
    ResponseEntity<String> oneClick(@RequestParam(name = "t", defaultValue = "") String token) {
        return switch (unsubscribe.apply(token)) {
            case STOPPED -> ResponseEntity.ok("Unsubscribed.");
            case INVALID -> ResponseEntity.badRequest().body("This unsubscribe link is not valid.");
        };
    }

    @GetMapping(PATH)
    ResponseEntity<Void> ask(@RequestParam(name = "t", defaultValue = "") String token) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION,
                UriComponentsBuilder.fromPath("/unsubscribe").queryParam("t", token).build().encode().toUriString())
                .build();
    }
}
