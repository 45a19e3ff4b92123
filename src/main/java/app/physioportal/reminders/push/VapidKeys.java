package app.physioportal.reminders.push;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's VAPID key pair (RFC 8292): an EC P-256 pair that signs the token on every push message, so a push
 * service delivers only messages from the server whose public key the browser subscribed with. Made at random on
 * first use and kept in {@code app_secret} (rows {@value #PRIVATE_ROW} and {@value #PUBLIC_ROW}, base64url, the
 * private one as its 32-byte scalar), so every instance signs with the same key and subscriptions survive restarts.
 * Losing or replacing the pair silently ends every subscription: each browser has to turn notifications on again.
 *
 * <p>The subject, a contact the push services can write to about this sender, is {@code app.push.subject}, or else
 * {@code mailto:} and the address of {@code app.mail.from}.
 */
@Component
public class VapidKeys {

    static final String PRIVATE_ROW = "vapid-private";
    static final String PUBLIC_ROW = "vapid-public";
    static final String FALLBACK_SUBJECT = "mailto:clinic@physio-portal.example";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    /** The address in "Name <address>" or a bare address. */
    private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>|^\\s*([^<>\\s]+@[^<>\\s]+)\\s*$");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final String subject;
    private volatile com.interaso.webpush.VapidKeys pair;

    VapidKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${app.push.subject:}") String configuredSubject, @Value("${app.mail.from:}") String mailFrom) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.subject = subject(configuredSubject, mailFrom);
    }

    /**
     * The public key as the browser's {@code applicationServerKey} wants it: the uncompressed point (65 bytes,
     * starting 0x04), base64url without padding.
     */
    public String publicKey() {
        return URL.encodeToString(pair().getApplicationServerKey());
    }

    /** The contact put in every token ({@code mailto:} or {@code https:}). */
    public String subject() {
        return subject;
    }

    /** The pair in the library's form, loaded (or made) once. */
    com.interaso.webpush.VapidKeys pair() {
        com.interaso.webpush.VapidKeys known = pair;
        if (known == null) {
            synchronized (this) {
                known = pair;
                if (known == null) {
                    known = loadOrCreate();
                    pair = known;
                }
            }
        }
        return known;
    }

    /**
     * {@code app.push.subject} when set; else {@code mailto:} and the address of {@code app.mail.from}; else a
     * placeholder. The library writes the subject into the token's JSON as it is, so only a plain mailto: or https:
     * value without quotes, backslashes or spaces is accepted.
     */
    static String subject(String configured, String mailFrom) {
        if (configured != null && !configured.isBlank()) {
            String given = configured.strip();
            if (!safeSubject(given)) {
                throw new IllegalStateException("app.push.subject must be a mailto: or https: address without spaces"
                        + " or quotes, e.g. mailto:clinic@example.org; it is '" + given + "'");
            }
            return given;
        }
        if (mailFrom != null) {
            Matcher address = ADDRESS.matcher(mailFrom);
            if (address.find()) {
                String derived = "mailto:" + (address.group(1) != null ? address.group(1) : address.group(2));
                if (safeSubject(derived)) {
                    return derived;
                }
            }
        }
        return FALLBACK_SUBJECT;
    }

    private static boolean safeSubject(String value) {
        return (value.startsWith("mailto:") && value.length() > 7 || value.startsWith("https://") && value.length() > 8)
                && value.length() <= 200 && value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\');
    }

    private com.interaso.webpush.VapidKeys loadOrCreate() {
        Map<String, String> stored = stored();
        if (stored.isEmpty()) {
            try {
                // Both rows or neither: a second instance making its own pair at the same moment waits on the first
                // one's row, fails on the duplicate name and reads the pair the first one committed.
                ownTransaction.executeWithoutResult(status -> {
                    String[] fresh = freshPair();
                    jdbc.update("insert into app_secret (name, secret_value) values (?, ?)", PRIVATE_ROW, fresh[0]);
                    jdbc.update("insert into app_secret (name, secret_value) values (?, ?)", PUBLIC_ROW, fresh[1]);
                });
            } catch (DataIntegrityViolationException anotherInstanceWasFirst) {
                // read theirs below
            }
            stored = stored();
        }
        String privateKey = stored.get(PRIVATE_ROW);
        String publicKey = stored.get(PUBLIC_ROW);
        if (privateKey == null || publicKey == null) {
            throw new IllegalStateException("app_secret holds only one half of the VAPID key pair; delete both rows '"
                    + PRIVATE_ROW + "' and '" + PUBLIC_ROW + "' to make a new pair (every browser then has to turn"
                    + " notifications on again)");
        }
        // Checks that the two belong together (signs and verifies once).
        return com.interaso.webpush.VapidKeys.fromUncompressedBytes(publicKey, privateKey);
    }

    private Map<String, String> stored() {
        Map<String, String> found = new HashMap<>();
        jdbc.query("select name, secret_value from app_secret where name in (?, ?)",
                row -> {
                    found.put(row.getString("name"), row.getString("secret_value"));
                }, PRIVATE_ROW, PUBLIC_ROW);
        return found;
    }

    /** A new pair: the private scalar (32 bytes) and the uncompressed public point (65 bytes), base64url. */
    private static String[] freshPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            ECPrivateKey privateKey = (ECPrivateKey) keys.getPrivate();
            ECPublicKey publicKey = (ECPublicKey) keys.getPublic();
            byte[] point = new com.interaso.webpush.VapidKeys(publicKey, privateKey).getApplicationServerKey();
            return new String[] {URL.encodeToString(unsigned32(privateKey.getS())), URL.encodeToString(point)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no EC P-256 key generator", e);
        }
    }

    /** A non-negative number below 2^256 as exactly 32 big-endian bytes. */
    static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
