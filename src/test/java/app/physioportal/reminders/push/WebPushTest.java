package app.physioportal.reminders.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.PortalTest;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.security.CurrentUser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push end to end against a push endpoint of the test's own (a JDK HTTP server on 127.0.0.1), the test playing
 * the browser: it makes the browser's P-256 key pair and auth secret, subscribes as a patient, and then checks what
 * the portal sent exactly as a push service and a browser would: the VAPID token's ES256 signature against the
 * portal's public key, its audience and expiry, the headers, and the body decrypted by hand per RFC 8291 and
 * RFC 8188. Also: a 404 or 410 removes the subscription, any other failure is counted and never thrown, a patient
 * cannot remove another's browser, and bad subscriptions are refused with a clear message and nothing kept.
 */
@PortalTest
class WebPushTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_B64URL = Base64.getUrlDecoder();

    @Autowired
    WebPush webPush;

    @Autowired
    PushSubscriptions subscriptions;

    @Autowired
    VapidKeys vapidKeys;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    AuditService audit;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    /** What the push endpoint received: path, headers (lower-case names) and body. */
    record Received(String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private HttpServer pushService;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private String origin;

    /** Answers 201 under /ok/, 410 under /gone/, 404 under /unknown/, 500 under /broken/. */
    @BeforeEach
    void startPushService() throws IOException {
        pushService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pushService.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    String.join(",", values)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body));
            int status = path.startsWith("/ok/") ? 201 : path.startsWith("/gone/") ? 410
                    : path.startsWith("/unknown/") ? 404 : 500;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        pushService.start();
        origin = "http://127.0.0.1:" + pushService.getAddress().getPort();
    }

    @AfterEach
    void stopPushService() {
        pushService.stop(0);
    }

    @Test
    void a_notification_arrives_signed_by_the_portal_and_readable_only_by_the_browser_that_subscribed()
            throws Exception {
        FreshPatient patient = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        String endpoint = origin + "/ok/" + UUID.randomUUID();
        fixtures.as(patient.email(), () -> subscriptions.subscribe(endpoint, browser.p256dh(), browser.auth(),
                "Mozilla/5.0 (Linux; Android 14) Chrome/131"));
        assertThat(fixtures.as(patient.email(), subscriptions::count)).isEqualTo(1);

        long before = System.currentTimeMillis() / 1000;
        int accepted = webPush.notify(patient.id(), "Time to stretch, Ada", "Calf stretch and hamstring stretch",
                "/today");

        assertThat(accepted).isEqualTo(1);
        Received push = received.poll(10, TimeUnit.SECONDS);
        assertThat(push).isNotNull();
        assertThat(push.path()).isEqualTo(endpoint.substring(origin.length()));

        // The VAPID header: "vapid t=<JWT>, k=<public key>", the token signed with the key the browser was given.
        String authorization = push.header("Authorization");
        assertThat(authorization).matches("vapid t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+, k=[A-Za-z0-9_-]+");
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String key = authorization.substring(authorization.indexOf("k=") + 2);
        assertThat(key).isEqualTo(vapidKeys.publicKey());
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(FROM_B64URL.decode(parts[0]));
        assertThat(header.path("alg").asString()).isEqualTo("ES256");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKeyOf(FROM_B64URL.decode(key), browser.params()));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(FROM_B64URL.decode(parts[2]))).as("ES256 signature by the portal's VAPID key").isTrue();
        JsonNode claims = JSON.readTree(FROM_B64URL.decode(parts[1]));
        assertThat(claims.path("aud").asString()).as("audience: the push service's origin").isEqualTo(origin);
        assertThat(claims.path("exp").asLong()).isGreaterThan(before).isLessThanOrEqualTo(before + 24 * 3600);
        assertThat(claims.path("sub").asString()).isEqualTo(vapidKeys.subject()).startsWith("mailto:");

        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(push.header("TTL")).isEqualTo(String.valueOf(4 * 3600));
        assertThat(push.header("Urgency")).isEqualTo("high");
        assertThat(new String(push.body(), StandardCharsets.ISO_8859_1)).doesNotContain("stretch");

        JsonNode message = JSON.readTree(browser.decrypt(push.body()));
        assertThat(message.path("title").asString()).isEqualTo("Time to stretch, Ada");
        assertThat(message.path("body").asString()).isEqualTo("Calf stretch and hamstring stretch");
        assertThat(message.path("url").asString()).isEqualTo("/today");
        assertThat(message.size()).as("title, body and url, nothing else").isEqualTo(3);

        Map<String, Object> row = jdbc.queryForMap("select failures, last_success_at, user_agent from push_subscription"
                + " where account_id = ?", patient.id());
        assertThat(row.get("failures")).isEqualTo(0);
        assertThat(row.get("last_success_at")).isNotNull();
        assertThat(row.get("user_agent")).isEqualTo("Mozilla/5.0 (Linux; Android 14) Chrome/131");
        assertThat(jdbc.queryForList("select detail from audit_event where patient_id = ? and action = 'PUSH_SUBSCRIBED'",
                String.class, patient.id())).containsExactly("notifications on in a browser (push service 127.0.0.1)");
    }

    @Test
    void every_browser_of_the_person_is_sent_to_and_a_path_off_the_portal_opens_the_start_page() throws Exception {
        FreshPatient patient = fixtures.newPatient();
        TestBrowser phone = new TestBrowser();
        TestBrowser laptop = new TestBrowser();
        fixtures.as(patient.email(), () -> {
            subscriptions.subscribe(origin + "/ok/phone-" + UUID.randomUUID(), phone.p256dh(), phone.auth(), "phone");
            subscriptions.subscribe(origin + "/ok/laptop-" + UUID.randomUUID(), laptop.p256dh(), laptop.auth(), null);
        });

        assertThat(webPush.notify(patient.id(), "Good morning", "Any cramps last night?", "//elsewhere.example/x"))
                .isEqualTo(2);

        for (int i = 0; i < 2; i++) {
            Received push = received.poll(10, TimeUnit.SECONDS);
            assertThat(push).isNotNull();
            TestBrowser browser = push.path().startsWith("/ok/phone-") ? phone : laptop;
            JsonNode message = JSON.readTree(browser.decrypt(push.body()));
            assertThat(message.path("body").asString()).isEqualTo("Any cramps last night?");
            assertThat(message.path("url").asString()).isEqualTo("/");
        }
        assertThat(webPush.notify(fixtures.newPatient().id(), "Nobody", "has a browser", "/today")).isZero();
    }

    @Test
    void a_browser_that_dropped_its_subscription_is_forgotten_when_the_push_service_says_gone() {
        FreshPatient patient = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        fixtures.as(patient.email(), () -> {
            subscriptions.subscribe(origin + "/gone/" + UUID.randomUUID(), browser.p256dh(), browser.auth(), "a");
            subscriptions.subscribe(origin + "/unknown/" + UUID.randomUUID(), browser.p256dh(), browser.auth(), "b");
        });

        assertThat(webPush.notify(patient.id(), "Time to stretch", "Calf stretch", "/today")).isZero();

        assertThat(rowsOf(patient.id())).as("410 and 404 remove the subscription").isZero();
        assertThat(received).hasSize(2);
    }

    @Test
    void a_failing_push_service_counts_a_failure_and_throws_nothing_while_the_other_browsers_still_get_it()
            throws Exception {
        FreshPatient patient = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        String broken = origin + "/broken/" + UUID.randomUUID();
        fixtures.as(patient.email(), () -> {
            subscriptions.subscribe(broken, browser.p256dh(), browser.auth(), "broken");
            subscriptions.subscribe(origin + "/ok/" + UUID.randomUUID(), browser.p256dh(), browser.auth(), "fine");
            // Nothing listens on port 1: the connection is refused.
            subscriptions.subscribe("http://127.0.0.1:1/ok/" + UUID.randomUUID(), browser.p256dh(), browser.auth(),
                    "unreachable");
        });

        assertThat(webPush.notify(patient.id(), "Time to stretch", "Calf stretch", "/today")).isEqualTo(1);
        assertThat(webPush.notify(patient.id(), "Time to stretch", "Calf stretch", "/today")).isEqualTo(1);

        assertThat(jdbc.queryForObject("select failures from push_subscription where endpoint_hash = ?", Integer.class,
                PushSubscriptions.sha256(broken))).as("a 500, twice").isEqualTo(2);
        assertThat(jdbc.queryForList("select failures from push_subscription where account_id = ? order by failures",
                Integer.class, patient.id())).containsExactly(0, 2, 2);
    }

    @Test
    void after_many_failures_in_a_row_the_subscription_is_dropped() {
        FreshPatient patient = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        String broken = origin + "/broken/" + UUID.randomUUID();
        fixtures.as(patient.email(), () -> subscriptions.subscribe(broken, browser.p256dh(), browser.auth(), "x"));
        jdbc.update("update push_subscription set failures = ? where account_id = ?", WebPush.GIVE_UP_AFTER - 1,
                patient.id());

        assertThat(webPush.notify(patient.id(), "Time to stretch", "Calf stretch", "/today")).isZero();

        assertThat(rowsOf(patient.id())).isZero();
    }

    @Test
    void a_patient_cannot_turn_off_another_patients_browser() {
        FreshPatient owner = fixtures.newPatient();
        FreshPatient other = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        String endpoint = origin + "/ok/" + UUID.randomUUID();
        fixtures.as(owner.email(), () -> subscriptions.subscribe(endpoint, browser.p256dh(), browser.auth(), "x"));

        assertThat(fixtures.as(other.email(), () -> subscriptions.unsubscribe(endpoint))).isFalse();
        assertThat(fixtures.as(other.email(), () -> subscriptions.isMine(endpoint))).isFalse();
        assertThat(rowsOf(owner.id())).isEqualTo(1);
        assertThat(fixtures.as(owner.email(), () -> subscriptions.isMine(endpoint))).isTrue();

        assertThat(fixtures.as(owner.email(), () -> subscriptions.unsubscribe(endpoint))).isTrue();
        assertThat(rowsOf(owner.id())).isZero();
        assertThat(jdbc.queryForList("select action from audit_event where patient_id = ? and action like 'PUSH_%'"
                + " order by id", String.class, owner.id())).containsExactly("PUSH_SUBSCRIBED", "PUSH_UNSUBSCRIBED");
    }

    @Test
    void a_browser_turned_on_by_the_next_person_on_a_shared_device_is_theirs_alone() {
        FreshPatient first = fixtures.newPatient();
        FreshPatient second = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        String endpoint = origin + "/ok/" + UUID.randomUUID();
        fixtures.as(first.email(), () -> subscriptions.subscribe(endpoint, browser.p256dh(), browser.auth(), "x"));
        fixtures.as(second.email(), () -> subscriptions.subscribe(endpoint, browser.p256dh(), browser.auth(), "x"));

        assertThat(rowsOf(first.id())).isZero();
        assertThat(rowsOf(second.id())).isEqualTo(1);
        assertThat(webPush.notify(first.id(), "Time to stretch", "Calf stretch", "/today")).isZero();
    }

    @Test
    void a_person_keeps_at_most_ten_browsers() {
        FreshPatient patient = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        fixtures.as(patient.email(), () -> {
            for (int i = 0; i < PushSubscriptions.MAX_PER_PERSON + 2; i++) {
                subscriptions.subscribe(origin + "/ok/" + i + "-" + UUID.randomUUID(), browser.p256dh(),
                        browser.auth(), "browser " + i);
            }
        });
        assertThat(rowsOf(patient.id())).isEqualTo(PushSubscriptions.MAX_PER_PERSON);
    }

    @Test
    void a_subscription_that_is_not_right_is_refused_with_a_clear_message_and_nothing_is_kept() {
        FreshPatient patient = fixtures.newPatient();
        TestBrowser browser = new TestBrowser();
        String ok = origin + "/ok/" + UUID.randomUUID();
        String p256dh = browser.p256dh();
        String auth = browser.auth();
        byte[] offTheCurve = new byte[65];
        offTheCurve[0] = 4;
        offTheCurve[64] = 1;
        PushSubscriptions productionRules = new PushSubscriptions(namedJdbc, currentUser, audit, clock, false,
                PushSubscriptions.DEFAULT_SERVICES);

        fixtures.as(patient.email(), () -> {
            refused(() -> productionRules.subscribe(ok, p256dh, auth, "x"), "endpoint",
                    "The browser's push address must start with https://.");
            refused(() -> productionRules.subscribe("https://internal.clinic.example/admin", p256dh, auth, "x"),
                    "endpoint", "The portal does not send to this browser's push service (internal.clinic.example).");
            refused(() -> productionRules.subscribe("https://fcm.googleapis.com.evil.example/x", p256dh, auth, "x"),
                    "endpoint", "The portal does not send to this browser's push service"
                            + " (fcm.googleapis.com.evil.example).");
            refused(() -> subscriptions.subscribe("http://elsewhere.example/push", p256dh, auth, "x"), "endpoint",
                    "The browser's push address must start with https://.");
            refused(() -> subscriptions.subscribe(" ", p256dh, auth, "x"), "endpoint",
                    "The browser gave no push address.");
            refused(() -> subscriptions.subscribe(ok + "/" + "a".repeat(1000), p256dh, auth, "x"), "endpoint",
                    "The browser's push address is longer than 1000 characters.");
            refused(() -> subscriptions.subscribe(ok, B64URL.encodeToString(new byte[64]), auth, "x"), "p256dh",
                    "The browser's public key must be 65 bytes; this one is 64.");
            refused(() -> subscriptions.subscribe(ok, B64URL.encodeToString(offTheCurve), auth, "x"), "p256dh",
                    "The browser's public key is not a point on the P-256 curve.");
            refused(() -> subscriptions.subscribe(ok, "not*base64!", auth, "x"), "p256dh",
                    "The browser's public key is not base64url text.");
            refused(() -> subscriptions.subscribe(ok, p256dh, B64URL.encodeToString(new byte[15]), "x"), "auth",
                    "The browser's auth secret must be 16 bytes; this one is 15.");
            refused(() -> subscriptions.subscribe(ok, p256dh, "a+b/c===", "x"), "auth",
                    "The browser's auth secret is not base64url text.");
            refused(() -> subscriptions.subscribe(ok, p256dh, null, "x"), "auth", "The browser's auth secret is missing.");
        });

        assertThat(rowsOf(patient.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and action like 'PUSH_%'",
                Integer.class, patient.id())).isZero();
        // The real push services are accepted under the production rules.
        fixtures.as(patient.email(), () -> productionRules.subscribe("https://fcm.googleapis.com/fcm/send/abc:def",
                p256dh, auth, "Chrome"));
        assertThat(rowsOf(patient.id())).isEqualTo(1);
    }

    @Test
    void the_vapid_key_is_made_once_kept_for_every_instance_and_handed_to_the_browser_as_a_p256_point() {
        byte[] point = FROM_B64URL.decode(vapidKeys.publicKey());
        assertThat(point).hasSize(65);
        assertThat(PushSubscriptions.onP256(point)).isTrue();
        assertThat(jdbc.queryForObject("select secret_value from app_secret where name = 'vapid-public'", String.class))
                .isEqualTo(vapidKeys.publicKey());
        assertThat(FROM_B64URL.decode(jdbc.queryForObject(
                "select secret_value from app_secret where name = 'vapid-private'", String.class))).hasSize(32);
        // A second instance reads the same pair.
        VapidKeys secondInstance = new VapidKeys(jdbc, transactions, "", "");
        assertThat(secondInstance.publicKey()).isEqualTo(vapidKeys.publicKey());

        assertThat(VapidKeys.subject("", "Physio Portal <no-reply@physio-portal.example>"))
                .isEqualTo("mailto:no-reply@physio-portal.example");
        assertThat(VapidKeys.subject("", "clinic@example.org")).isEqualTo("mailto:clinic@example.org");
        assertThat(VapidKeys.subject(null, "")).isEqualTo("mailto:clinic@physio-portal.example");
        assertThat(VapidKeys.subject("https://clinic.example.org/contact", "x@y.z"))
                .isEqualTo("https://clinic.example.org/contact");
        assertThatThrownBy(() -> VapidKeys.subject("mailto:a\"b@example.org", ""))
                .hasMessageContaining("app.push.subject");
    }

    private int rowsOf(long accountId) {
        return jdbc.queryForObject("select count(*) from push_subscription where account_id = ?", Integer.class,
                accountId);
    }

    private static void refused(Runnable subscribe, String field, String message) {
        assertThatThrownBy(subscribe::run).isInstanceOfSatisfying(InvalidInput.class, refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.getMessage()).isEqualTo(message);
        });
    }

    private static ECPublicKey publicKeyOf(byte[] point, ECParameterSpec params) throws GeneralSecurityException {
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
    }

    /**
     * The browser's side of RFC 8291: its P-256 key pair and auth secret, and decryption of a push message body
     * (RFC 8188 aes128gcm: salt, record size, key id = the sender's one-time public key, one record).
     */
    static final class TestBrowser {

        private final KeyPair keys;
        private final byte[] authSecret = new byte[16];

        TestBrowser() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                keys = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            new SecureRandom().nextBytes(authSecret);
        }

        ECParameterSpec params() {
            return ((ECPublicKey) keys.getPublic()).getParams();
        }

        byte[] publicPoint() {
            ECPoint w = ((ECPublicKey) keys.getPublic()).getW();
            byte[] point = new byte[65];
            point[0] = 4;
            System.arraycopy(VapidKeys.unsigned32(w.getAffineX()), 0, point, 1, 32);
            System.arraycopy(VapidKeys.unsigned32(w.getAffineY()), 0, point, 33, 32);
            return point;
        }

        String p256dh() {
            return B64URL.encodeToString(publicPoint());
        }

        String auth() {
            return B64URL.encodeToString(authSecret);
        }

        byte[] decrypt(byte[] body) throws GeneralSecurityException {
            ByteBuffer in = ByteBuffer.wrap(body);
            byte[] salt = new byte[16];
            in.get(salt);
            int recordSize = in.getInt();
            int keyIdLength = in.get() & 0xff;
            assertThat(recordSize).as("record size").isEqualTo(4096);
            assertThat(keyIdLength).as("key id: the sender's uncompressed P-256 point").isEqualTo(65);
            byte[] senderPoint = new byte[keyIdLength];
            in.get(senderPoint);
            byte[] ciphertext = new byte[in.remaining()];
            in.get(ciphertext);
            assertThat(ciphertext.length).as("one record").isLessThanOrEqualTo(recordSize);

            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(keys.getPrivate());
            ecdh.doPhase(publicKeyOf(senderPoint, params()), true);
            byte[] sharedSecret = ecdh.generateSecret();

            // RFC 8291 section 3.4: IKM from the auth secret, then RFC 8188 section 2.2: CEK and nonce from the salt.
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), publicPoint(), senderPoint);
            byte[] ikm = expand(extract(authSecret, sharedSecret), keyInfo, 32);
            byte[] prk = extract(salt, ikm);
            byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] padded = aes.doFinal(ciphertext);
            int end = padded.length - 1;
            while (end >= 0 && padded[end] == 0) {
                end--;
            }
            assertThat(end).as("a padding delimiter").isNotNegative();
            assertThat(padded[end]).as("the last record's delimiter").isEqualTo((byte) 2);
            return Arrays.copyOf(padded, end);
        }

        private static byte[] extract(byte[] salt, byte[] input) throws GeneralSecurityException {
            return hmac(salt, input);
        }

        /** HKDF-Expand for up to 32 bytes: one block, T(1) = HMAC(PRK, info || 0x01). */
        private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
            return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
        }

        private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        }

        private static byte[] concat(byte[]... parts) {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            ByteBuffer all = ByteBuffer.allocate(length);
            for (byte[] part : parts) {
                all.put(part);
            }
            return all.array();
        }
    }
}
