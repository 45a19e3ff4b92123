package app.physioportal.bench.load;

import app.physioportal.security.Totp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

import app.physioportal.bench.load.UiTree.Node;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One virtual browser tab speaking Vaadin Flow 25's client-server protocol over plain HTTP, with every
 * protection on, as captured from Chromium driving this app:
 * <ul>
 * <li>sign-in: {@code GET /login} (the HTML carries Spring Security's masked CSRF token in
 * {@code <meta name="_csrf">}), the login view's bootstrap (below), then the form post vaadin-login-form
 * makes: {@code POST /login} with {@code _csrf}, {@code username}, {@code password}, answered by a
 * redirect (to {@code /} on success, {@code /login?error} on failure) and a new session id;</li>
 * <li>a page load: {@code GET /<route>} (index.html), {@code GET /?v-r=init&location=<route>&query=&v-...}
 * with the browser details; its JSON {@code appConfig} gives {@code v-uiId}, and {@code appConfig.uidl}
 * the first state tree, {@code Vaadin-Security-Key} (the csrfToken of every later message) and
 * {@code syncId}; then the router's {@code ui-navigate} event on node 1, which renders the view;</li>
 * <li>every message: {@code POST /?v-r=uidl&v-uiId=<uiId>} with
 * {@code {"csrfToken","rpc":[...],"syncId":<last server syncId>,"clientId":<n>}}; the answer must carry
 * {@code syncId} one higher than the last and {@code clientId} n+1, otherwise this client reports a
 * resynchronisation / protocol error instead of carrying on;</li>
 * <li>DOM events ({@code {"type":"event","node","event","data"}}) carry exactly the event data the server
 * asked for in the listener's constant (e.g. {@code event.detail}, {@code event.button} for click);</li>
 * <li>navigation: client-side {@code ui-navigate} with {@code trigger} "link" (router links) or "client"
 * (side navigation), server-side navigation is followed from the {@code vaadin-navigate} script;</li>
 * <li>{@code executeJs} calls that wait for a result ({@code @v-return} channels) are answered with a
 * {@code channel} rpc, as the browser does (the colour-scheme question gets "auto", others null).</li>
 * </ul>
 * Not emulated: static resources (a returning browser has them cached), the property echo web components
 * send after attaching ({@code opened-changed} and the like, no server logic behind them here), push
 * (the app has none).
 * <p>
 * Not thread-safe: one instance per virtual user; the {@link HttpClient} may be shared.
 */
public final class VaadinClient {

    /** Anything a real browser would show as an error, or a reply that breaks the protocol. */
    public static final class ProtocolException extends RuntimeException {
        public ProtocolException(String message) {
            super(message);
        }

        public ProtocolException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** HTTP requests sent by all clients in this JVM. */
    static final LongAdder TOTAL_REQUESTS = new LongAdder();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36 PhysioPortalLoadBench";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final UiTree tree = new UiTree();
    private final Map<String, JsonNode> constants = new HashMap<>();
    private final String windowName = "v-" + ThreadLocalRandom.current().nextDouble();

    private int uiId = -1;
    private String csrfToken;
    private int syncId = -1;
    private int clientId;
    private String location = "";
    private int historyIndex;
    private String redirect;
    private final List<ObjectNode> pendingRpc = new ArrayList<>();
    private final List<JsonNode> dataItems = new ArrayList<>();
    private long requests;
    private long bytesReceived;
    private boolean trace;

    public VaadinClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    /** A client shared by many virtual users: HTTP/1.1 keep-alive, no automatic redirects or cookies. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Told of every HTTP request: what kind (page, init, uidl, login, unload, heartbeat) and how long it took. */
    public interface RequestListener {
        void requestDone(String kind, long millis);
    }

    private RequestListener listener = (kind, millis) -> { };

    public void onRequest(RequestListener requestListener) {
        this.listener = requestListener;
    }

    public void trace(boolean on) {
        this.trace = on;
    }

    // ---------------------------------------------------------------- user-level operations

    /**
     * Signs in through the login page the way Chromium does, then loads the page the server sends the user to
     * (the role's home). Fails unless the server accepted the credentials and the landing view rendered.
     */
    public void signIn(String email, String password) {
        String loginPage = openPage("login");
        Matcher token = CSRF_META.matcher(loginPage);
        Matcher parameter = CSRF_PARAMETER_META.matcher(loginPage);
        if (!token.find() || !parameter.find()) {
            throw new ProtocolException("login page without the CSRF meta tags");
        }
        if (tree.findAll(n -> "vaadin-login-form".equals(n.tag)).isEmpty()) {
            throw new ProtocolException("login view did not render a vaadin-login-form");
        }
        String form = enc(parameter.group(1)) + "=" + enc(token.group(1)) + "&username=" + enc(email) + "&password="
                + enc(password);
        URI loginUri = base.resolve("login");
        unload();
        HttpResponse<String> posted = send(HttpRequest.newBuilder(loginUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.getScheme() + "://" + base.getAuthority())
                .header("Referer", loginUri.toString())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (posted.statusCode() != 302) {
            throw new ProtocolException("sign-in answered " + posted.statusCode() + " instead of a redirect");
        }
        URI target = loginUri.resolve(posted.headers().firstValue("Location")
                .orElseThrow(() -> new ProtocolException("sign-in redirect without Location")));
        if (target.getPath().endsWith("/login")) {
            throw new ProtocolException("sign-in refused for " + email + " (redirected to " + target + ")");
        }
        String path = base.relativize(target).getPath();
        HttpResponse<String> landing = send(HttpRequest.newBuilder(target).GET());
        if (landing.statusCode() == 302 && landing.headers().firstValue("Location").orElse("").endsWith("/second-factor")) {
            // Staff: the password alone opens nothing but the second-factor page.
            openPage("second-factor");
            giveSecondFactor(email);
            return;
        }
        openPage(path == null ? "" : path);
    }

    /** Where staff's codes come from; they are typed after the password as a person types them from the app. */
    private java.util.function.@Nullable Function<String, String> codes;

    /** Codes of this authenticator key, never one step twice for an email (each code works once per account). */
    public void useAuthenticatorKey(String key) {
        this.codes = email -> Totp.code(key, freshStep(email));
    }

    /** Codes from elsewhere (tests share one source with their other sign-ins). */
    public void useCodes(java.util.function.Function<String, String> codeForEmail) {
        this.codes = codeForEmail;
    }

    private static final Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();

    private static long freshStep(String email) {
        long now = Instant.now().getEpochSecond() / 30;
        long step = LAST_STEP.merge(email, now, (last, current) -> Math.max(current, last + 1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(65))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> step <= Instant.now().getEpochSecond() / 30 + 1);
        return step;
    }

    private void giveSecondFactor(String email) {
        if (codes == null) {
            throw new ProtocolException(email + " must give a second factor: useAuthenticatorKey(...) first");
        }
        setValue(require("factor-code"), codes.apply(email));
        redirect = null;
        click("factor-continue");
        if (redirect == null) {
            throw new ProtocolException("second factor refused for " + email + ": " + describePage());
        }
        openPage("");
    }

    /** Types into a field: the value property sync flow-client sends, then the change event. */
    public void setValue(Node node, String value) {
        ObjectNode sync = JSON.createObjectNode();
        sync.put("type", "mSync");
        sync.put("node", node.id);
        sync.put("feature", 1);
        sync.put("property", "value");
        sync.put("value", value);
        // The event the field's value change mode listens to: change (on blur), or input (eager, lazy, timeout).
        String event = node.listeners.containsKey("change") || !node.listeners.containsKey("input") ? "change" : "input";
        ObjectNode change = JSON.createObjectNode();
        change.put("type", "event");
        change.put("node", node.id);
        change.put("event", event);
        change.set("data", eventData(node, event));
        send(List.of(sync, change));
        flushPending();
    }

    /**
     * A full page load of a route, as typing the address or reloading: the HTML, the bootstrap JSON, then the
     * router's first navigation. Returns the HTML.
     */
    public String openPage(String route) {
        unload();
        String html = get(base.resolve(route), 200).body();
        reset();
        String init = get(base.resolve("?v-r=init&location=" + enc(route) + "&query=&" + browserDetails()), 200)
                .body();
        JsonNode json = parse(init);
        if (json.has("errors") && !json.get("errors").isNull()) {
            throw new ProtocolException("bootstrap errors: " + json.get("errors"));
        }
        JsonNode config = json.path("appConfig");
        if (!config.has("v-uiId") || !config.has("uidl")) {
            throw new ProtocolException("bootstrap without appConfig.v-uiId/uidl: " + abbreviate(init));
        }
        uiId = config.get("v-uiId").asInt();
        JsonNode uidl = config.get("uidl");
        csrfToken = uidl.path("Vaadin-Security-Key").asString(null);
        if (csrfToken == null) {
            throw new ProtocolException("bootstrap without Vaadin-Security-Key");
        }
        syncId = -1;
        clientId = 0;
        location = route;
        dataItems.clear();
        historyIndex = 0;
        handleUidl(uidl, 0);
        navigateEvent("/" + route, "", Map.of("idx", historyIndex));
        flushPending();
        return html;
    }

    /** Client-side navigation: a router link ("link") or the side navigation / history ("client"). */
    public void navigate(String route, String trigger) {
        historyIndex++;
        Map<String, Object> state = new HashMap<>();
        state.put("usr", null);
        state.put("key", Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).substring(0, 8));
        state.put("idx", historyIndex);
        location = route;
        dataItems.clear();
        navigateEvent(route, trigger, state);
        flushPending();
    }

    /** A user's click (tap) on an element; fails if the element has no click listener, as a dead button would. */
    public void click(Node node) {
        ObjectNode data = eventData(node, "click");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int x = random.nextInt(20, 370);
        int y = random.nextInt(60, 800);
        putIfAsked(data, "event.shiftKey", false);
        putIfAsked(data, "event.metaKey", false);
        putIfAsked(data, "event.ctrlKey", false);
        putIfAsked(data, "event.altKey", false);
        putIfAsked(data, "event.detail", 1);
        putIfAsked(data, "event.button", 0);
        putIfAsked(data, "event.clientX", x);
        putIfAsked(data, "event.clientY", y);
        putIfAsked(data, "event.screenX", x);
        putIfAsked(data, "event.screenY", y + 80);
        fireEvent(node, "click", data);
    }

    public void click(String elementId) {
        click(require(elementId));
    }

    /** Sends one DOM event; {@code data} must hold what the listener asked for (see {@link #eventData}). */
    public void fireEvent(Node node, String event, ObjectNode data) {
        ObjectNode rpc = JSON.createObjectNode();
        rpc.put("type", "event");
        rpc.put("node", node.id);
        rpc.put("event", event);
        rpc.set("data", data);
        send(List.of(rpc));
        flushPending();
    }

    /**
     * Calls a {@code @ClientCallable} method of an element, as a component's connector does through
     * {@code element.$server.method(args)} (e.g. a virtual list asking for the items it shows).
     */
    public void callServer(Node node, String method, Object... args) {
        ObjectNode rpc = JSON.createObjectNode();
        rpc.put("type", "publishedEventHandler");
        rpc.put("node", node.id);
        rpc.put("templateEventMethodName", method);
        ArrayNode arguments = rpc.putArray("templateEventMethodArgs");
        for (Object arg : args) {
            if (arg instanceof Integer number) {
                arguments.add(number);
            } else {
                arguments.add(String.valueOf(arg));
            }
        }
        rpc.put("promise", 0);
        send(List.of(rpc));
        flushPending();
    }

    /**
     * What a browser's virtual-list connector does once a list is on screen: asks for the items it shows plus its
     * buffer of 20 (a phone shows about three cards).
     */
    public void showVirtualLists() {
        for (Node list : findAll(node -> "vaadin-virtual-list".equals(node.tag))) {
            callServer(list, "setViewportRange", 0, 23);
        }
    }

    /**
     * The data items (objects with a {@code key}) the server has sent to components' connectors since the last
     * navigation: rows of a virtual list or grid, with their renderer's properties.
     */
    public List<JsonNode> dataItems() {
        return List.copyOf(dataItems);
    }

    /**
     * What flow-client does when the page goes away (pagehide): a beacon to the UIDL URL with
     * {@code {"csrfToken","rpc":[],"UNLOAD":true}}, so the server closes that UI at once instead of after
     * three missed heartbeats. Nothing to do when no UI is open.
     */
    public void unload() {
        if (uiId < 0 || csrfToken == null) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", csrfToken);
        message.putArray("rpc");
        message.put("UNLOAD", true);
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
        if (trace) {
            System.err.println("<< unload " + response.statusCode() + " " + abbreviate(response.body()));
        }
        uiId = -1;
        csrfToken = null;
        if (response.statusCode() != 200) {
            throw new ProtocolException("unload beacon answered " + response.statusCode());
        }
    }

    /** Keeps the UI alive while the user is idle, like flow-client's heartbeat timer. */
    public void heartbeat() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("?v-r=heartbeat&v-uiId=" + uiId))
                .header("Content-Type", "text/plain;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new ProtocolException("heartbeat answered " + response.statusCode());
        }
    }

    // ---------------------------------------------------------------- finding things on the page

    public Optional<Node> findById(String elementId) {
        return tree.findById(elementId);
    }

    public Node require(String elementId) {
        return findById(elementId).orElseThrow(() -> new ProtocolException(
                "no element #" + elementId + " on " + describePage()));
    }

    public List<Node> findAll(Predicate<Node> condition) {
        return tree.findAll(condition);
    }

    public List<Node> findByIdPrefix(String prefix) {
        return tree.findAll(n -> n.id() != null && n.id().startsWith(prefix));
    }

    public Optional<Node> findByTagAndText(String tag, String text) {
        return tree.findAll(n -> tag.equals(n.tag) && text.equals(tree.textContent(n))).stream().findFirst();
    }

    public String text(Node node) {
        return tree.textContent(node);
    }

    /** Fails unless the element is on the page: the check that a view really rendered. */
    public void expect(String elementId) {
        require(elementId);
    }

    /** True while a page is open (a UI the server knows); false after sign-out or before the first page. */
    /** A cookie this virtual browser holds for the base address (e.g. a load balancer's sticky-session cookie). */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    public boolean hasUi() {
        return uiId >= 0 && csrfToken != null;
    }

    public String location() {
        return location;
    }

    /** Where a server-side {@code Page.setLocation} (e.g. sign-out) sent the browser, or null. */
    public String redirect() {
        return redirect;
    }

    public long requests() {
        return requests;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    public int nodeCount() {
        return tree.size();
    }

    String describePage() {
        List<String> ids = tree.findAll(n -> n.id() != null && n.id().endsWith("-view")).stream().map(Node::id).toList();
        return "/" + location + " " + ids;
    }

    // ---------------------------------------------------------------- protocol

    /** The data object for an event, holding every expression the listener asked for as null to start with. */
    ObjectNode eventData(Node node, String event) {
        String key = node.listeners.get(event);
        if (key == null) {
            throw new ProtocolException(node + " on " + describePage() + " has no '" + event + "' listener");
        }
        JsonNode expressions = constants.get(key);
        if (expressions == null) {
            throw new ProtocolException("listener constant " + key + " was never sent");
        }
        ObjectNode data = JSON.createObjectNode();
        for (String expression : expressions.propertyNames()) {
            // "}x" asks for a property sync, "]x" for a state node; numeric keys are debounce settings.
            if (!expression.startsWith("}") && !expression.startsWith("]") && !expression.chars().allMatch(Character::isDigit)) {
                data.putNull(expression);
            }
        }
        return data;
    }

    private static void putIfAsked(ObjectNode data, String expression, Object value) {
        if (data.has(expression)) {
            if (value instanceof Boolean b) {
                data.put(expression, b);
            } else {
                data.put(expression, (Integer) value);
            }
        }
    }

    private void navigateEvent(String route, String trigger, Map<String, Object> historyState) {
        Node body = tree.node(1);
        if (body == null || !body.listeners.containsKey("ui-navigate")) {
            throw new ProtocolException("the UI does not listen to ui-navigate");
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.set("historyState", JSON.valueToTree(historyState));
        data.put("trigger", trigger);
        ObjectNode rpc = JSON.createObjectNode();
        rpc.put("type", "event");
        rpc.put("node", 1);
        rpc.put("event", "ui-navigate");
        rpc.set("data", data);
        send(List.of(rpc));
    }

    /** Answers {@code @v-return} channels raised by the last response, in their own message as flow-client does. */
    private void flushPending() {
        for (int round = 0; round < 5 && !pendingRpc.isEmpty(); round++) {
            List<ObjectNode> batch = new ArrayList<>(pendingRpc);
            pendingRpc.clear();
            send(batch);
        }
    }

    private void send(List<ObjectNode> rpcs) {
        if (uiId < 0 || csrfToken == null) {
            throw new ProtocolException("no UI: open a page first");
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", csrfToken);
        ArrayNode array = message.putArray("rpc");
        rpcs.forEach(array::add);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        String body = JSON.writeValueAsString(message);
        if (trace) {
            System.err.println(">> " + abbreviate(body));
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new ProtocolException("UIDL request answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        String text = response.body();
        if (trace) {
            System.err.println("<< " + abbreviate(text));
        }
        if (text.startsWith("for(;;);")) {
            text = text.substring("for(;;);".length());
        }
        JsonNode json = parse(text);
        if (json.isArray()) {
            if (json.size() != 1) {
                throw new ProtocolException("expected one UIDL message, got " + json.size());
            }
            json = json.get(0);
        }
        handleUidl(json, clientId + 1);
    }

    private void handleUidl(JsonNode uidl, int expectedClientId) {
        JsonNode meta = uidl.get("meta");
        if (meta != null && meta.has("appError")) {
            throw new ProtocolException("server reports " + meta + " on " + describePage());
        }
        boolean sessionEnded = meta != null && meta.path("sessionExpired").asBoolean(false);
        if (!uidl.has("syncId") || !uidl.has("clientId")) {
            throw new ProtocolException("response without syncId/clientId (resynchronisation or refresh): "
                    + abbreviate(uidl.toString()));
        }
        int newSyncId = uidl.get("syncId").asInt();
        int newClientId = uidl.get("clientId").asInt();
        if (syncId >= 0 && newSyncId != syncId + 1) {
            throw new ProtocolException("out of sync: server syncId " + newSyncId + " after " + syncId);
        }
        if (newClientId != expectedClientId) {
            throw new ProtocolException("server expects clientId " + newClientId + ", client is at " + expectedClientId);
        }
        if (uidl.has("resynchronize") && uidl.get("resynchronize").asBoolean()) {
            throw new ProtocolException("server asks the client to resynchronize");
        }
        syncId = newSyncId;
        clientId = newClientId;
        if (uidl.has("constants")) {
            for (var entry : uidl.get("constants").properties()) {
                constants.put(entry.getKey(), entry.getValue());
            }
        }
        if (uidl.has("changes")) {
            for (JsonNode change : uidl.get("changes")) {
                tree.apply(change);
            }
        }
        if (uidl.has("execute")) {
            for (JsonNode invocation : uidl.get("execute")) {
                execute(invocation);
            }
        }
        if (sessionEnded) {
            // Sign-out ends the session and sends the browser elsewhere (flow-client stops and follows the
            // redirect); an expired session without a redirect is what a user sees as "Session expired".
            if (redirect == null) {
                throw new ProtocolException("session expired on " + describePage());
            }
            uiId = -1;
            csrfToken = null;
            pendingRpc.clear();
        }
    }

    private void execute(JsonNode invocation) {
        int n = invocation.size();
        String script = invocation.get(n - 1).asString();
        if (script.contains("new CustomEvent('vaadin-navigate'")) {
            // Server-side navigation: the router updates the address bar, no round trip (callback false).
            location = invocation.get(1).asString();
            return;
        }
        if (script.contains("window.history.pushState(") || script.contains("window.history.replaceState(")) {
            // The same with Vaadin's own router (no React): Flow sets the address bar through the history API.
            location = invocation.get(1).asString();
            return;
        }
        if (script.contains("window.open(") || script.contains("location.href") || script.contains("location.assign")
                || script.contains("location.replace")) {
            for (int i = 0; i < n - 1; i++) {
                if (invocation.get(i).isString()) {
                    redirect = invocation.get(i).asString();
                    break;
                }
            }
        }
        if (script.contains("location.reload")) {
            throw new ProtocolException("server asks for a page reload: " + abbreviate(script));
        }
        for (int i = 0; i < n - 1; i++) {
            JsonNode arg = invocation.get(i);
            if (arg.isArray()) {
                for (JsonNode element : arg) {
                    if (element.isObject() && element.has("key")) {
                        dataItems.add(element);
                    }
                }
            }
        }
        // A call whose result the server awaits carries two return channels (resolve, reject): answer it as the
        // browser does once the script has run. A single channel is a callback the page's script may call later
        // (e.g. a Lit renderer's functions): never answered on its own.
        int returnChannels = 0;
        for (int i = 0; i < n - 1; i++) {
            JsonNode arg = invocation.get(i);
            if (arg.isObject() && arg.has("@v-return")) {
                returnChannels++;
            }
        }
        int channels = returnChannels >= 2 ? 0 : 1;
        for (int i = 0; i < n - 1; i++) {
            JsonNode arg = invocation.get(i);
            if (arg.isObject() && arg.has("@v-return")) {
                if (channels++ == 0) {
                    // The success callback: what the promise resolves to.
                    ObjectNode rpc = JSON.createObjectNode();
                    rpc.put("type", "channel");
                    rpc.put("node", arg.get("@v-return").get(0).asInt());
                    rpc.put("channel", arg.get("@v-return").get(1).asInt());
                    ArrayNode args = rpc.putArray("args");
                    if (script.contains("physioTheme")) {
                        args.add("auto");
                    } else {
                        args.addNull();
                    }
                    pendingRpc.add(rpc);
                }
            }
        }
    }

    private void reset() {
        tree.clear();
        constants.clear();
        pendingRpc.clear();
        redirect = null;
        uiId = -1;
        csrfToken = null;
    }

    private HttpResponse<String> get(URI uri, int expectedStatus) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        if (response.statusCode() != expectedStatus) {
            throw new ProtocolException("GET " + uri + " answered " + response.statusCode());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest probe = builder.copy().build();
        URI uri = probe.uri();
        builder.timeout(TIMEOUT).header("User-Agent", USER_AGENT);
        try {
            cookies.get(uri, Map.of()).forEach((name, values) -> {
                if (!values.isEmpty()) {
                    builder.header(name, String.join("; ", values));
                }
            });
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            listener.requestDone(kindOf(probe), (System.nanoTime() - start) / 1_000_000);
            cookies.put(uri, response.headers().map());
            requests++;
            TOTAL_REQUESTS.increment();
            bytesReceived += response.body().length();
            return response;
        } catch (IOException e) {
            throw new ProtocolException(probe.method() + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted", e);
        }
    }

    private static String kindOf(HttpRequest request) {
        String query = request.uri().getRawQuery();
        if (query == null) {
            return "POST".equals(request.method()) ? "login POST" : "page GET";
        }
        if (query.startsWith("v-r=init")) {
            return "init GET";
        }
        if (query.startsWith("v-r=heartbeat")) {
            return "heartbeat";
        }
        if (query.startsWith("v-r=uidl")) {
            return request.headers().firstValue("Content-Type").orElse("").startsWith("text/plain") ? "unload beacon"
                    : "UIDL POST";
        }
        return "other";
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new ProtocolException("not JSON: " + abbreviate(text), e);
        }
    }

    private String browserDetails() {
        return "v-sh=844&v-sw=390&v-wh=844&v-ww=390&v-bh=844&v-bw=390&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=" + enc("Europe/London")
                + "&v-wn=" + enc(windowName)
                + "&v-td=true&v-pr=3&v-np=" + enc("Linux armv8l") + "&v-cs=" + enc("light dark")
                + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=portrait-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED"
                + "&v-wla=SUPPORTED&v-ws=false";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...(" + text.length() + " chars)";
    }
}
