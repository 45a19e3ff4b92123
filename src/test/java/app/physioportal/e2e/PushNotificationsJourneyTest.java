package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.reminders.push.WebPush;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Browser notifications in real Chromium, on a test-only page that holds the switch ({@code /test/push}, from the
 * test classpath), signed in as a demo patient with the notification permission granted through DevTools.
 *
 * <p>What headless Chromium here can and cannot do: it has the service worker, the Notification API and
 * {@code PushManager}, but no push service: Chromium's is Google's (FCM), which this machine cannot reach, and
 * {@code pushManager.subscribe} then never answers. So one test takes the browser as it is and expects the switch
 * to say plainly that it could not, keeping nothing; another stands in for the push service inside the page (the
 * subscription a browser would hand over, pointing at a push endpoint of the test's own) and follows the switch's
 * whole round: on, kept for the patient, a push sent by the server accepted, "On" again after a reload, off. A
 * browser without PushManager, or with notifications blocked, is told so plainly. And a push message delivered to
 * the service worker through DevTools shows as a notification (what a tap on it does, DevTools cannot show). The
 * encrypted payload itself is checked in WebPushTest.
 */
@PortalTest
class PushNotificationsJourneyTest extends BrowserTest {

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebPush webPush;

    private long patient;

    @BeforeEach
    void signInWithNotificationsAllowed() {
        patient = ids.idOf(Demo.PATIENT1);
        jdbc.update("delete from push_subscription where account_id = ?", patient);
        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        chromium().executeCdpCommand("Browser.resetPermissions", Map.of());
        chromium().executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin(), "permissions",
                List.of("notifications")));
    }

    @AfterEach
    void forgetTheSubscriptions() {
        jdbc.update("delete from push_subscription where account_id = ?", patient);
    }

    @Test
    void without_a_reachable_push_service_the_switch_says_it_could_not_and_keeps_nothing() {
        openTheSwitch();
        assertThat(status()).isEqualTo("Notifications on this device: Off");
        assertThat(toggle().getText()).isEqualTo("Turn on notifications on this device");
        assertThat(browser.seriousViolations("push switch")).isEmpty();
        assertThat(browser.smallTapTargets("vaadin-button")).isEmpty();

        toggle().click();
        // The page gives the push service 20 s before it says so.
        browser.waitUpTo(60).until(d -> status().endsWith("On") || !message().isBlank());
        List<String> kept = jdbc.queryForList("select endpoint from push_subscription where account_id = ?",
                String.class, patient);
        System.out.println("Headless Chromium turning notifications on: status '" + status() + "', message '"
                + message() + "', kept " + kept);
        if (status().endsWith("On")) {
            // A Chromium that reaches its push service: the subscription is kept, at Google's push service.
            assertThat(kept).hasSize(1);
            assertThat(kept.getFirst()).startsWith("https://fcm.googleapis.com/");
        } else {
            assertThat(message()).isEqualTo("The browser could not turn notifications on just now. Try again later;"
                    + " the emails still come.");
            assertThat(status()).isEqualTo("Notifications on this device: Off");
            assertThat(kept).isEmpty();
        }
        assertThat(browser.cspViolations()).isEmpty();
        browser.screenshot("push-switch-no-push-service-phone");
    }

    @Test
    void a_browser_without_push_or_with_notifications_blocked_is_told_so_plainly_and_gets_no_button() {
        String script = (String) chromium().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "delete window.PushManager;")).get("identifier");
        try {
            openTheSwitch();
            assertThat(status()).isEqualTo("Notifications on this device: Off");
            assertThat(message()).isEqualTo("This browser can't show notifications from the portal. On an iPhone,"
                    + " add the portal to your home screen first.");
            assertThat(toggleShown()).isFalse();
        } finally {
            chromium().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
        }

        chromium().executeCdpCommand("Browser.setPermission", Map.of("origin", origin(), "permission",
                Map.of("name", "notifications"), "setting", "denied"));
        try {
            openTheSwitch();
            assertThat(message()).isEqualTo("Notifications are blocked for this site in the browser's settings.");
            assertThat(toggleShown()).isFalse();
            assertThat(browser.seriousViolations("push switch, blocked")).isEmpty();
            browser.screenshot("push-switch-blocked-phone");
        } finally {
            chromium().executeCdpCommand("Browser.resetPermissions", Map.of());
        }
    }

    @Test
    void with_a_push_service_the_switch_turns_on_keeps_the_subscription_for_the_patient_and_turns_off()
            throws Exception {
        HttpServer pushService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> encodings = new CopyOnWriteArrayList<>();
        pushService.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            encodings.add(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        pushService.start();
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/ok/" + UUID.randomUUID();
        String script = (String) chromium().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", standInPushService(endpoint))).get("identifier");
        try {
            openTheSwitch();
            assertThat(status()).isEqualTo("Notifications on this device: Off");

            toggle().click();
            browser.waitUpTo(30).until(d -> status().endsWith("On"));
            assertThat(message()).isEqualTo("On. The bedtime and morning reminders also come as notifications on"
                    + " this device.");
            assertThat(toggle().getText()).isEqualTo("Turn off on this device");
            Map<String, Object> row = jdbc.queryForMap("select endpoint, user_agent from push_subscription"
                    + " where account_id = ?", patient);
            assertThat(row.get("endpoint")).isEqualTo(endpoint);
            assertThat((String) row.get("user_agent")).contains("Chrome");
            assertThat(ids.auditCountForPatient(Demo.PATIENT1, "PUSH_SUBSCRIBED", patient)).isPositive();
            assertThat(browser.seriousViolations("push switch, on")).isEmpty();
            browser.screenshot("push-switch-on-phone");

            assertThat(webPush.notify(patient, "Time to stretch, Margaret", "Calf stretch", "/today")).isEqualTo(1);
            assertThat(encodings).containsExactly("aes128gcm");

            browser.driver.navigate().refresh();
            openTheSwitch();
            assertThat(status()).as("this browser's subscription is the patient's").isEqualTo(
                    "Notifications on this device: On");

            toggle().click();
            browser.waitUpTo(30).until(d -> status().endsWith("Off"));
            assertThat(message()).isEqualTo("Off on this device. The emails still come.");
            assertThat(jdbc.queryForObject("select count(*) from push_subscription where account_id = ?",
                    Integer.class, patient)).isZero();
            assertThat(browser.cspViolations()).isEmpty();
        } finally {
            chromium().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
            browser.js("sessionStorage.removeItem('test-push')");
            pushService.stop(0);
        }
    }

    @Test
    void the_service_worker_shows_a_pushed_reminder_and_a_newer_one_to_the_same_page_replaces_it() throws Exception {
        openTheSwitch();
        clearNotifications();
        try (Cdp devTools = Cdp.connect(chromium())) {
            String page = devTools.pageSession(browser.url(""));
            String registration = devTools.registrationOf(page, browser.url(""));
            deliver(devTools, page, registration, "{\"title\":\"Time to stretch, Margaret\",\"body\":\"Calf stretch\","
                    + "\"url\":\"/today\"}", () -> !notifications().isEmpty());
            assertThat(notifications()).containsExactly(Map.of("title", "Time to stretch, Margaret", "body",
                    "Calf stretch", "tag", "physio:/today", "url", "/today", "icon", browser.url("icons/icon-192.png"),
                    "badge", browser.url("icons/badge-96.png")));

            deliver(devTools, page, registration, "{\"title\":\"Time to stretch, Margaret\",\"body\":\"Tonight's "
                    + "stretches\",\"url\":\"/today\"}", () -> notifications().stream().anyMatch(n -> n.get("body")
                    .equals("Tonight's stretches")));
            assertThat(notifications()).anySatisfy(n -> assertThat(n.get("body")).isEqualTo("Tonight's stretches"));
            assertThat(notifications()).as("one per page: tonight's replaces the older").hasSize(1);

            deliver(devTools, page, registration, "{\"title\":\"Elsewhere\",\"url\":\"//elsewhere.example/phish\"}",
                    () -> notifications().size() == 2);
            assertThat(notifications()).anySatisfy(n -> {
                assertThat(n.get("title")).isEqualTo("Elsewhere");
                assertThat(n.get("url")).as("a tap never leaves the portal").isEqualTo("/");
                assertThat(n.get("body")).isEmpty();
            });
        } finally {
            clearNotifications();
        }
    }

    /**
     * Delivers a push through DevTools until the worker has shown it: headless Chromium now and then drops a push
     * delivered right after another (seen here in about one run in four), so it is delivered again, up to three
     * times, rather than the test failing on the browser's hiccup. The worker under test is the same each time.
     */
    private void deliver(Cdp devTools, String page, String registration, String data,
            java.util.function.BooleanSupplier shown) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            devTools.send(page, "ServiceWorker.deliverPushMessage", Map.of("origin", origin(), "registrationId",
                    registration, "data", data));
            try {
                browser.waitUpTo(8).until(d -> shown.getAsBoolean());
                return;
            } catch (org.openqa.selenium.TimeoutException dropped) {
                // delivered again
            }
        }
        throw new AssertionError("the service worker showed nothing for " + data + " after three deliveries");
    }

    // The page.

    private void openTheSwitch() {
        browser.open("test/push");
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("push-switch")));
        browser.waitUpTo(30).until(d -> !status().contains("checking"));
        browser.settle();
    }

    private String status() {
        return browser.driver.findElement(By.id("push-status")).getText();
    }

    private String message() {
        return browser.driver.findElement(By.id("push-message")).getText();
    }

    private org.openqa.selenium.WebElement toggle() {
        return browser.driver.findElement(By.id("push-toggle"));
    }

    /** Whether the button is there to press (a button never shown is not in the page at all). */
    private boolean toggleShown() {
        return browser.driver.findElements(By.id("push-toggle")).stream().anyMatch(b -> b.isDisplayed());
    }

    private ChromiumDriver chromium() {
        return (ChromiumDriver) browser.driver;
    }

    private String origin() {
        return browser.url("").replaceAll("/$", "");
    }

    /** The notifications the portal's worker shows now: title, body, tag, url, icon and badge. */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> notifications() {
        return (List<Map<String, String>>) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        navigator.serviceWorker.ready.then(r => r.getNotifications()).then(list => done(list.map(n =>
                            ({title: n.title, body: n.body, tag: n.tag, url: n.data && n.data.url, icon: n.icon,
                              badge: n.badge}))), e => done([{error: String(e)}]));""");
    }

    private void clearNotifications() {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(r => r.getNotifications())
                    .then(list => { list.forEach(n => n.close()); done(true); }, () => done(false));""");
    }

    /**
     * Stands in for the browser's push service, in every page of this browser from the next load on: subscribe()
     * hands over the subscription a browser would (this endpoint, a real P-256 public key and auth secret) with the
     * key it was asked for, getSubscription() finds it again (kept in sessionStorage), unsubscribe() drops it.
     */
    private static String standInPushService(String endpoint) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy32(key.getW().getAffineX(), point, 1);
        copy32(key.getW().getAffineY(), point, 33);
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
        String json = "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
                + b64url.encodeToString(point) + "\",\"auth\":\"" + b64url.encodeToString(auth) + "\"}}";
        return """
                (() => {
                  if (!('PushManager' in self)) return;
                  const subscription = %s;
                  const asSubscription = (saved) => ({
                    endpoint: saved.json.endpoint,
                    options: {userVisibleOnly: true,
                              applicationServerKey: Uint8Array.from(atob(saved.key), (c) => c.charCodeAt(0)).buffer},
                    toJSON: () => saved.json,
                    unsubscribe: () => { sessionStorage.removeItem('test-push'); return Promise.resolve(true); }
                  });
                  PushManager.prototype.getSubscription = function () {
                    const saved = JSON.parse(sessionStorage.getItem('test-push') || 'null');
                    return Promise.resolve(saved ? asSubscription(saved) : null);
                  };
                  PushManager.prototype.subscribe = function (options) {
                    const key = new Uint8Array(options.applicationServerKey);
                    const saved = {json: subscription, key: btoa(String.fromCharCode(...key))};
                    sessionStorage.setItem('test-push', JSON.stringify(saved));
                    return Promise.resolve(asSubscription(saved));
                  };
                })();
                """.formatted(json);
    }

    private static void copy32(BigInteger value, byte[] into, int at) {
        byte[] raw = value.toByteArray();
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, into, at + 32 - length, length);
    }

    /**
     * A DevTools connection to the whole browser that also hears events: here, which service worker registration
     * the portal has (ServiceWorker.workerRegistrationUpdated), to deliver a push message to it.
     */
    static final class Cdp implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();

        private Cdp(URI address) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(address, new Listener()).join();
        }

        static Cdp connect(ChromiumDriver driver) throws Exception {
            Map<?, ?> options = (Map<?, ?>) driver.getCapabilities().getCapability("goog:chromeOptions");
            String version = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + options.get("debuggerAddress") + "/json/version")).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            return new Cdp(URI.create(JSON.readTree(version).path("webSocketDebuggerUrl").asString()));
        }

        /** A DevTools session on the open page whose address starts with this one. */
        String pageSession(String addressStart) throws Exception {
            for (JsonNode target : send(null, "Target.getTargets", Map.of()).path("targetInfos")) {
                if ("page".equals(target.path("type").asString())
                        && target.path("url").asString().startsWith(addressStart)) {
                    return send(null, "Target.attachToTarget", Map.of("targetId", target.path("targetId").asString(),
                            "flatten", true)).path("sessionId").asString();
                }
            }
            throw new IllegalStateException("no page at " + addressStart);
        }

        /** The id of the service worker registration with this scope, as DevTools reports it on enable. */
        String registrationOf(String session, String scope) throws Exception {
            send(session, "ServiceWorker.enable", Map.of());
            String[] found = new String[1];
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                        .pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                            for (JsonNode event : events) {
                                if ("ServiceWorker.workerRegistrationUpdated".equals(event.path("method").asString())) {
                                    for (JsonNode registration : event.path("params").path("registrations")) {
                                        if (scope.equals(registration.path("scopeURL").asString())
                                                && !registration.path("isDeleted").asBoolean()) {
                                            found[0] = registration.path("registrationId").asString();
                                            return true;
                                        }
                                    }
                                }
                            }
                            return false;
                        });
            } catch (org.awaitility.core.ConditionTimeoutException none) {
                throw new IllegalStateException("no service worker registration for " + scope + " in " + events);
            }
            return found[0];
        }

        JsonNode send(String session, String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", id);
            if (session != null) {
                message.put("sessionId", session);
            }
            message.put("method", method);
            message.put("params", params);
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            replies.put(id, reply);
            socket.sendText(JSON.writeValueAsString(message), true).join();
            JsonNode answer = reply.get(30, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + ": " + answer.path("error"));
            }
            return answer.path("result");
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }

        private final class Listener implements WebSocket.Listener {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonNode message = JSON.readTree(partial.toString());
                    partial.setLength(0);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = replies.remove(message.path("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        events.add(message);
                    }
                }
                webSocket.request(1);
                return null;
            }
        }
    }
}
