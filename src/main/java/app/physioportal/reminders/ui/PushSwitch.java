package app.physioportal.reminders.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.reminders.push.PushSubscriptions;
import app.physioportal.reminders.push.VapidKeys;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Notifications on this device": turns browser notifications for the bedtime and morning reminders on or off in
 * the browser it is shown in. Made with the two beans it needs, {@code new PushSwitch(pushSubscriptions,
 * vapidKeys)}.
 *
 * <p>The browser's half runs in the click itself (no server round trip first), because Safari asks for the
 * notification permission only from within a tap: it asks for permission, subscribes with the portal's VAPID public
 * key through the service worker's push manager, and reports the outcome to {@link #browserAnswered}, which keeps or
 * forgets the subscription. A browser that cannot show notifications, or where the person blocked them, is told so
 * plainly and gets no button. Ids for tests: {@code push-switch}, {@code push-status}, {@code push-toggle},
 * {@code push-message}.
 */
public class PushSwitch extends Div {

    static final String UNSUPPORTED = "This browser can't show notifications from the portal. On an iPhone, add the"
            + " portal to your home screen first.";
    static final String BLOCKED = "Notifications are blocked for this site in the browser's settings.";
    static final String FAILED = "The browser could not turn notifications on just now. Try again later; the emails"
            + " still come.";
    static final String NOT_OFF = "The browser could not turn notifications off just now. Try again.";
    static final String DISMISSED = "Nothing changed: the browser's question was closed without an answer.";
    static final String TURNED_ON = "On. The bedtime and morning reminders also come as notifications on this device.";
    static final String TURNED_OFF = "Off on this device. The emails still come.";
    static final String ON_ELSEWHERE = "On in another browser or device; this one is off.";

    /**
     * Installed on the switch's element ({@code this}) once; {@code $0} is the VAPID public key. Checks the browser
     * at once (and on every attach), then acts on each click of the button; every outcome goes to the server as
     * JSON: {mode, state, endpoint?, p256dh?, auth?, ua?, error?}. (The button is found at click time: an element
     * passed to executeJs while hidden would hold the script back until it is shown.)
     */
    private static final String BROWSER = """
            const root = this, serverKey = $0;
            if (root.__physioPush) { root.__physioPush.check(); return; }
            const tell = (mode, outcome) => root.$server.browserAnswered(JSON.stringify(Object.assign({mode}, outcome)));
            const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
            const within = (promise, ms, what) => Promise.race([promise, new Promise((_, fail) =>
                setTimeout(() => fail(new Error(what + ' did not answer in ' + ms / 1000 + ' s')), ms))]);
            const bytes = (text) => {
              const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - text.length % 4) % 4));
              return Uint8Array.from(plain, (c) => c.charCodeAt(0));
            };
            const ourKey = bytes(serverKey);
            const madeWithOurKey = (subscription) => {
              const key = subscription.options && subscription.options.applicationServerKey;
              if (!key) return false;
              const given = new Uint8Array(key);
              return given.length === ourKey.length && given.every((b, i) => b === ourKey[i]);
            };
            const described = (subscription) => {
              const json = subscription.toJSON();
              return {state: 'subscribed', endpoint: json.endpoint, p256dh: json.keys && json.keys.p256dh,
                      auth: json.keys && json.keys.auth, ua: navigator.userAgent};
            };
            const registration = () => within(navigator.serviceWorker.ready, 10000, 'The service worker');
            const check = () => {
              if (!supported()) return tell('check', {state: 'unsupported'});
              if (Notification.permission === 'denied') return tell('check', {state: 'blocked'});
              registration().then((r) => r.pushManager.getSubscription())
                .then((s) => tell('check', s && madeWithOurKey(s) ? described(s) : {state: 'off'}))
                .catch((e) => tell('check', {state: 'failed', error: String(e && e.message || e)}));
            };
            const turnOn = () => {
              // Asked first, within the tap: Safari allows the question only there.
              return Notification.requestPermission().then((permission) => {
                if (permission === 'denied') return {state: 'blocked'};
                if (permission !== 'granted') return {state: 'dismissed'};
                return registration().then(async (r) => {
                  let subscription = await r.pushManager.getSubscription();
                  if (subscription && !madeWithOurKey(subscription)) {
                    await subscription.unsubscribe();
                    subscription = null;
                  }
                  if (!subscription) {
                    subscription = await within(r.pushManager.subscribe({userVisibleOnly: true,
                        applicationServerKey: ourKey}), 20000, 'The push service');
                  }
                  return described(subscription);
                });
              });
            };
            const turnOff = () => registration().then((r) => r.pushManager.getSubscription()).then((subscription) => {
              if (!subscription) return {state: 'off'};
              const endpoint = subscription.endpoint;
              return subscription.unsubscribe().then(() => ({state: 'off', endpoint}), () => ({state: 'off', endpoint}));
            });
            let busy = false;
            root.addEventListener('click', (event) => {
              if (!event.target.closest('#push-toggle') || busy || !supported()) return;
              busy = true;
              const on = root.getAttribute('data-push') === 'on';
              (on ? turnOff() : turnOn())
                .catch((e) => ({state: 'failed', error: String(e && e.message || e)}))
                .then((outcome) => { busy = false; tell(on ? 'off' : 'on', outcome); });
            });
            root.__physioPush = {check};
            check();
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(PushSwitch.class);

    private final PushSubscriptions subscriptions;
    private final String publicKey;
    private final Paragraph status = new Paragraph();
    private final Button toggle = new Button();
    private final Paragraph message = new Paragraph();

    public PushSwitch(PushSubscriptions subscriptions, VapidKeys vapidKeys) {
        this.subscriptions = subscriptions;
        this.publicKey = vapidKeys.publicKey();
        setId("push-switch");
        addClassName("push-switch");
        status.setId("push-status");
        status.getElement().setAttribute("aria-live", "polite");
        toggle.setId("push-toggle");
        message.setId("push-message");
        message.getElement().setAttribute("aria-live", "polite");
        add(status, toggle, message);
        checking();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        checking();
        getElement().executeJs(BROWSER, publicKey);
    }

    /** What the browser said, as JSON (see {@link #BROWSER}); anything a page could send is checked again here. */
    @ClientCallable
    void browserAnswered(String answer) {
        JsonNode outcome;
        try {
            outcome = JSON.readTree(answer == null || answer.length() > 5000 ? "{}" : answer);
        } catch (JacksonException e) {
            outcome = JSON.createObjectNode();
        }
        String mode = outcome.path("mode").asString("");
        String state = outcome.path("state").asString("");
        String endpoint = outcome.path("endpoint").asString("");
        switch (state) {
            case "unsupported" -> show(false, null, UNSUPPORTED);
            case "blocked" -> show(false, null, BLOCKED);
            case "dismissed" -> show(false, "Turn on notifications on this device", DISMISSED);
            case "failed" -> {
                String error = outcome.path("error").asString("");
                log.info("The browser could not {} notifications: {}", "check".equals(mode) ? "check"
                        : "off".equals(mode) ? "turn off" : "turn on", error.length() <= 200 ? error
                        : error.substring(0, 200));
                if ("off".equals(mode)) {
                    showOn(NOT_OFF);
                } else {
                    showOff("check".equals(mode) ? null : FAILED);
                }
            }
            case "subscribed" -> {
                if ("on".equals(mode)) {
                    subscribe(outcome, endpoint);
                } else if (subscriptions.isMine(endpoint)) {
                    showOn(null);
                } else {
                    showOff(elsewhere());
                }
            }
            default -> {
                if ("off".equals(mode)) {
                    subscriptions.unsubscribe(endpoint);
                    showOff(TURNED_OFF);
                } else {
                    showOff(elsewhere());
                }
            }
        }
    }

    private void subscribe(JsonNode outcome, String endpoint) {
        try {
            subscriptions.subscribe(endpoint, outcome.path("p256dh").asString(""), outcome.path("auth").asString(""),
                    outcome.path("ua").asString(""));
            showOn(TURNED_ON);
        } catch (InvalidInput refused) {
            showOff(refused.getMessage());
        }
    }

    private String elsewhere() {
        return subscriptions.count() > 0 ? ON_ELSEWHERE : null;
    }

    private void checking() {
        status.setText("Notifications on this device: checking…");
        toggle.setVisible(false);
        message.setText("");
        message.setVisible(false);
    }

    private void showOn(String note) {
        show(true, "Turn off on this device", note);
    }

    private void showOff(String note) {
        show(false, "Turn on notifications on this device", note);
    }

    /** The status line, the button (none when it cannot help) and a note (none when null). */
    private void show(boolean on, String button, String note) {
        getElement().setAttribute("data-push", on ? "on" : "off");
        status.setText("Notifications on this device: " + (on ? "On" : "Off"));
        toggle.setVisible(button != null);
        if (button != null) {
            toggle.setText(button);
        }
        message.setVisible(note != null);
        message.setText(note == null ? "" : note);
    }
}
