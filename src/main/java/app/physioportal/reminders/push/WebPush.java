package app.physioportal.reminders.push;

import app.physioportal.reminders.push.PushSubscriptions.Subscription;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a browser notification to every browser in which a person turned notifications on: the message
 * {@code {"title", "body", "url"}} encrypted for that browser alone (aes128gcm, RFC 8291), with the portal's VAPID
 * token (RFC 8292), a time to live of {@value #TIME_TO_LIVE_HOURS} hours (a phone that is off longer gets nothing:
 * tonight's reminder is no use tomorrow) and {@code Urgency: high} (a phone asleep shows it at once). The service
 * worker shows it and opens the url when it is tapped.
 *
 * <p>A push is a courtesy beside the email: nothing here throws. A push service's 404 or 410 (the browser dropped
 * the subscription) deletes it; any other refusal, time-out or error counts a failure, and after
 * {@value #GIVE_UP_AFTER} in a row, with no delivery between, the subscription is dropped (the person sees
 * "Off" and can turn it on again). Each push service gets {@value #TIMEOUT_SECONDS} seconds to answer; a person's
 * browsers are sent to at the same time. It makes network calls: call it outside a database transaction.
 */
@Service
public class WebPush {

    static final int TIME_TO_LIVE_HOURS = 4;
    static final int TIMEOUT_SECONDS = 5;
    static final int GIVE_UP_AFTER = 20;
    /** Short enough that the encrypted message stays well inside the 4096 bytes every push service takes. */
    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 600;
    static final int MAX_PATH = 300;
    static final String DEFAULT_TITLE = "Physio Portal";

    private static final Logger log = LoggerFactory.getLogger(WebPush.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    /** A path on this site: one slash, then no second slash or backslash (which a browser reads as another host). */
    private static final Pattern SAME_SITE_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

    private final PushSubscriptions subscriptions;
    private final VapidKeys keys;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    WebPush(PushSubscriptions subscriptions, VapidKeys keys) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    void close() {
        http.shutdownNow();
    }

    /**
     * Notifies every browser of this account. The title and body are shown as they are (say no more than the email
     * does: a first name, exercise names); {@code path} is a page of the portal ("/today") opened on a tap, anything
     * else opens the start page. Returns how many push services accepted the message (0 when the person has no
     * browser with notifications on, or none answered 2xx).
     */
    public int notify(long accountId, String title, String body, String path) {
        try {
            List<Subscription> targets = subscriptions.of(accountId);
            if (targets.isEmpty()) {
                return 0;
            }
            byte[] message = message(title, body, path);
            com.interaso.webpush.WebPush protocol = new com.interaso.webpush.WebPush(keys.subject(), keys.pair());
            List<CompletableFuture<HttpResponse<String>>> sending = new ArrayList<>();
            for (Subscription target : targets) {
                sending.add(send(protocol, target, message));
            }
            int accepted = 0;
            for (int i = 0; i < targets.size(); i++) {
                accepted += settle(targets.get(i), sending.get(i)) ? 1 : 0;
            }
            return accepted;
        } catch (RuntimeException e) {
            log.warn("Browser notifications for account {} not sent: {}", accountId, e.toString());
            return 0;
        }
    }

    private CompletableFuture<HttpResponse<String>> send(com.interaso.webpush.WebPush protocol, Subscription target,
            byte[] message) {
        try {
            Base64.Decoder base64url = Base64.getUrlDecoder();
            byte[] encrypted = protocol.getBody(message, base64url.decode(target.p256dh()),
                    base64url.decode(target.auth()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.endpoint())).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(encrypted));
            Map<String, String> headers = protocol.getHeaders(target.endpoint(), (int) Duration
                    .ofHours(TIME_TO_LIVE_HOURS).toSeconds(), null, com.interaso.webpush.WebPush.Urgency.High);
            headers.forEach(request::header);
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Records what the push service answered; true when it accepted the message. */
    private boolean settle(Subscription target, CompletableFuture<HttpResponse<String>> sending) {
        try {
            HttpResponse<String> answer = sending.get(TIMEOUT_SECONDS + 2, TimeUnit.SECONDS);
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                subscriptions.delivered(target.id());
                return true;
            }
            if (status == 404 || status == 410) {
                subscriptions.remove(target.id());
                log.info("Push subscription {} of account {} is gone ({} from {}): removed", target.id(),
                        target.accountId(), status, target.service());
                return false;
            }
            failed(target, status + " " + shorten(answer.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sending.cancel(true);
            failed(target, "interrupted");
        } catch (ExecutionException e) {
            failed(target, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            sending.cancel(true);
            failed(target, "no answer in " + TIMEOUT_SECONDS + " s");
        } catch (RuntimeException e) {
            failed(target, e.toString());
        }
        return false;
    }

    private void failed(Subscription target, String why) {
        try {
            int inARow = subscriptions.failed(target.id());
            log.warn("Push to {} for account {} failed ({} in a row): {}", target.service(), target.accountId(),
                    inARow, why);
            if (inARow >= GIVE_UP_AFTER) {
                subscriptions.remove(target.id());
                log.info("Push subscription {} of account {} removed after {} failures in a row", target.id(),
                        target.accountId(), inARow);
            }
        } catch (RuntimeException e) {
            log.warn("Push to {} for account {} failed ({}), and the failure was not recorded: {}", target.service(),
                    target.accountId(), why, e.toString());
        }
    }

    /** The JSON the service worker reads: title, body and the path to open. */
    byte[] message(String title, String body, String path) {
        Map<String, String> message = new LinkedHashMap<>();
        String shownTitle = clip(oneLine(title), MAX_TITLE);
        message.put("title", shownTitle.isEmpty() ? DEFAULT_TITLE : shownTitle);
        message.put("body", clip(body == null ? "" : body.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").strip(), MAX_BODY));
        message.put("url", samePath(path));
        return json.writeValueAsBytes(message);
    }

    static String samePath(String path) {
        if (path == null || path.length() > MAX_PATH || !SAME_SITE_PATH.matcher(path).matches()
                || path.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return path;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    /** At most this many characters (code points), ending with an ellipsis when shortened. */
    private static String clip(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
