package app.physioportal.reminders.push;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The browsers in which a person turned notifications on (Web Push subscriptions), their own to add and remove.
 * What a browser hands over is checked before anything is kept: the endpoint is an https address of a known push
 * service (the server will send to it, so it must not be any address a person types), and the keys are base64url of
 * the right sizes, the public one a point on P-256. An endpoint belongs to one account, the person who last turned
 * notifications on in that browser; each person keeps at most {@value #MAX_PER_PERSON} browsers (the least recently
 * reached goes first).
 *
 * <p>Push services allowed by default: Chrome's, Edge's and Android browsers' (fcm.googleapis.com), Firefox's
 * (push.services.mozilla.com), Safari's on iPhone and Mac (push.apple.com) and Windows' (notify.windows.com); another
 * is added with {@code app.push.services} (comma-separated host names; a name admits its subdomains). Plain http
 * to this machine (localhost, 127.0.0.1) is accepted only with {@code app.push.allow-insecure-endpoints=true}, for
 * the tests' local push endpoint.
 */
@Service
public class PushSubscriptions {

    public static final int MAX_ENDPOINT = 1000;
    static final int MAX_PER_PERSON = 10;
    static final int MAX_USER_AGENT = 200;
    static final String DEFAULT_SERVICES = "fcm.googleapis.com,android.googleapis.com,push.services.mozilla.com,"
            + "push.apple.com,notify.windows.com";

    /** One browser's subscription, as the sender needs it. */
    record Subscription(long id, long accountId, String endpoint, String p256dh, String auth) {

        /** The push service's host, safe to log (the endpoint's path is the browser's private address). */
        String service() {
            return host(endpoint);
        }
    }

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    private static final ECParameterSpec P256 = p256();

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final boolean allowInsecure;
    private final List<String> services;

    PushSubscriptions(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, AuditService audit, Clock clock,
            @Value("${app.push.allow-insecure-endpoints:false}") boolean allowInsecure,
            @Value("${app.push.services:" + DEFAULT_SERVICES + "}") String services) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.allowInsecure = allowInsecure;
        this.services = Arrays.stream(services.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Keeps the signed-in person's subscription for this browser (what {@code PushSubscription.toJSON()} gives:
     * endpoint, keys.p256dh, keys.auth) and the browser's user agent, shortened. The same endpoint again replaces
     * its keys; an endpoint another account had is now this person's. Bad input saves nothing and says why
     * ({@link InvalidInput} naming "endpoint", "p256dh" or "auth").
     */
    @Transactional
    public void subscribe(String endpoint, String p256dh, String auth, String userAgent) {
        PortalUser user = requirePerson();
        String checkedEndpoint = checkEndpoint(endpoint);
        String checkedKey = checkKey("p256dh", p256dh, "The browser's public key", 65);
        if (!onP256(Base64.getUrlDecoder().decode(checkedKey))) {
            throw new InvalidInput("p256dh", "The browser's public key is not a point on the P-256 curve.");
        }
        String checkedAuth = checkKey("auth", auth, "The browser's auth secret", 16);
        MapSqlParameterSource row = new MapSqlParameterSource("account", user.id())
                .addValue("endpoint", checkedEndpoint).addValue("hash", sha256(checkedEndpoint))
                .addValue("p256dh", checkedKey).addValue("auth", checkedAuth)
                .addValue("agent", shortAgent(userAgent)).addValue("now", Timestamp.from(clock.instant()));
        if (!replace(row)) {
            try {
                jdbc.update("insert into push_subscription (account_id, endpoint, endpoint_hash, p256dh, auth,"
                        + " user_agent, created_at, failures) values (:account, :endpoint, :hash, :p256dh, :auth,"
                        + " :agent, :now, 0)", row);
            } catch (DuplicateKeyException sameBrowserAtTheSameMoment) {
                replace(row);
            }
        }
        keepNewest(user.id());
        audit.record(AuditAction.PUSH_SUBSCRIBED, patientOrNull(user), "notifications on in a browser (push service "
                + host(checkedEndpoint) + ")");
    }

    /**
     * Forgets the signed-in person's subscription with this endpoint. An endpoint that is not theirs (someone
     * else's, or unknown) is left alone: false.
     */
    @Transactional
    public boolean unsubscribe(String endpoint) {
        PortalUser user = requirePerson();
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
            return false;
        }
        int removed = jdbc.update("delete from push_subscription where endpoint_hash = :hash and account_id = :account",
                new MapSqlParameterSource("hash", sha256(endpoint.strip())).addValue("account", user.id()));
        if (removed > 0) {
            audit.record(AuditAction.PUSH_UNSUBSCRIBED, patientOrNull(user),
                    "notifications off in a browser (push service " + host(endpoint.strip()) + ")");
        }
        return removed > 0;
    }

    /** Whether this endpoint is one of the signed-in person's subscriptions (so this browser shows "On"). */
    @Transactional(readOnly = true)
    public boolean isMine(String endpoint) {
        PortalUser user = currentUser.require();
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
            return false;
        }
        Integer found = jdbc.queryForObject("select count(*) from push_subscription where endpoint_hash = :hash"
                + " and account_id = :account", new MapSqlParameterSource("hash", sha256(endpoint.strip()))
                .addValue("account", user.id()), Integer.class);
        return found != null && found > 0;
    }

    /** How many browsers the signed-in person has notifications on in. */
    @Transactional(readOnly = true)
    public int count() {
        Integer found = jdbc.queryForObject("select count(*) from push_subscription where account_id = :account",
                new MapSqlParameterSource("account", currentUser.require().id()), Integer.class);
        return found == null ? 0 : found;
    }

    // For the sender, which acts for no one in particular.

    @Transactional(readOnly = true)
    List<Subscription> of(long accountId) {
        return jdbc.query("select id, account_id, endpoint, p256dh, auth from push_subscription"
                + " where account_id = :account order by id", new MapSqlParameterSource("account", accountId),
                (row, i) -> new Subscription(row.getLong("id"), row.getLong("account_id"), row.getString("endpoint"),
                        row.getString("p256dh"), row.getString("auth")));
    }

    @Transactional
    void delivered(long id) {
        jdbc.update("update push_subscription set last_success_at = :now, failures = 0 where id = :id",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant())));
    }

    /** Counts one more failure in a row; returns how many there are now (0 when the row is gone). */
    @Transactional
    int failed(long id) {
        MapSqlParameterSource row = new MapSqlParameterSource("id", id);
        jdbc.update("update push_subscription set failures = failures + 1 where id = :id", row);
        List<Integer> now = jdbc.queryForList("select failures from push_subscription where id = :id", row,
                Integer.class);
        return now.isEmpty() ? 0 : now.getFirst();
    }

    @Transactional
    void remove(long id) {
        jdbc.update("delete from push_subscription where id = :id", new MapSqlParameterSource("id", id));
    }

    private boolean replace(MapSqlParameterSource row) {
        return jdbc.update("update push_subscription set account_id = :account, endpoint = :endpoint, p256dh = :p256dh,"
                + " auth = :auth, user_agent = :agent, created_at = :now, last_success_at = null, failures = 0"
                + " where endpoint_hash = :hash", row) > 0;
    }

    /** A person's browsers beyond the newest {@value #MAX_PER_PERSON}, least recently reached first, are dropped. */
    private void keepNewest(long accountId) {
        MapSqlParameterSource account = new MapSqlParameterSource("account", accountId);
        List<Long> ids = jdbc.queryForList("select id from push_subscription where account_id = :account"
                + " order by coalesce(last_success_at, created_at) desc, id desc", account, Long.class);
        if (ids.size() > MAX_PER_PERSON) {
            jdbc.update("delete from push_subscription where id in (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(MAX_PER_PERSON, ids.size())));
        }
    }

    private PortalUser requirePerson() {
        PortalUser user = currentUser.require();
        if (user.role() == Role.ADMIN) {
            throw new AccessDeniedException("The clinic manager has no reminders.");
        }
        return user;
    }

    private static Long patientOrNull(PortalUser user) {
        return user.role() == Role.PATIENT ? user.id() : null;
    }

    private String checkEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new InvalidInput("endpoint", "The browser gave no push address.");
        }
        String given = endpoint.strip();
        if (given.length() > MAX_ENDPOINT) {
            throw new InvalidInput("endpoint", "The browser's push address is longer than " + MAX_ENDPOINT
                    + " characters.");
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new InvalidInput("endpoint", "The browser's push address is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidInput("endpoint", "The browser's push address is not a web address.");
        }
        boolean thisMachine = host.equals("localhost") || host.equals("127.0.0.1");
        if (allowInsecure && thisMachine && (scheme.equals("http") || scheme.equals("https"))) {
            return given;
        }
        if (!scheme.equals("https")) {
            throw new InvalidInput("endpoint", "The browser's push address must start with https://.");
        }
        if (services.stream().noneMatch(known -> host.equals(known) || host.endsWith("." + known))) {
            throw new InvalidInput("endpoint", "The portal does not send to this browser's push service (" + host
                    + ").");
        }
        return given;
    }

    /** The key without padding, after checking it is base64url of exactly this many bytes. */
    private static String checkKey(String field, String value, String what, int bytes) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, what + " is missing.");
        }
        String given = value.strip();
        if (given.length() > 200 || !BASE64URL.matcher(given).matches()) {
            throw new InvalidInput(field, what + " is not base64url text.");
        }
        String unpadded = given.replace("=", "");
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(unpadded);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, what + " is not base64url text.");
        }
        if (decoded.length != bytes) {
            throw new InvalidInput(field, what + " must be " + bytes + " bytes; this one is " + decoded.length + ".");
        }
        return unpadded;
    }

    /** An uncompressed point (0x04, x, y) that lies on P-256: y² = x³ + ax + b (mod p). */
    static boolean onP256(byte[] point) {
        if (point.length != 65 || point[0] != 0x04) {
            return false;
        }
        EllipticCurve curve = P256.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java does not know the P-256 curve", e);
        }
    }

    static String sha256(String endpoint) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(endpoint.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortAgent(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String printable = userAgent.replaceAll("[^\\x20-\\x7e]", "").strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() <= MAX_USER_AGENT ? printable : printable.substring(0, MAX_USER_AGENT);
    }

    static String host(String endpoint) {
        try {
            String host = new URI(endpoint).getHost();
            return host == null ? "unknown" : host;
        } catch (URISyntaxException e) {
            return "unknown";
        }
    }
}
