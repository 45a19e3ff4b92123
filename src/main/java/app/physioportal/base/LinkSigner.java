package app.physioportal.base;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs the values in links that work without signing in (unsubscribe), with HMAC-SHA256 under a key every
 * instance shares: made at random on first start and kept in the database, so links survive restarts and work
 * on any instance. A link whose value was changed fails the signature.
 */
@Component
public class LinkSigner {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private final JdbcTemplate jdbc;
    private volatile byte[] key;

    LinkSigner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The value and its signature, safe in a URL. */
    public String sign(String value) {
        String payload = URL.encodeToString(value.getBytes(StandardCharsets.UTF_8));
        return payload + "." + URL.encodeToString(mac(payload));
    }

    /** The signed value, or empty when the token is malformed or its signature does not match. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] given = URL_DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(payload))) {
                return Optional.empty();
            }
            return Optional.of(new String(URL_DECODER.decode(payload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = URL_DECODER.decode(loadOrCreate());
            key = known;
        }
        return known;
    }

    private String loadOrCreate() {
        List<String> stored = jdbc.queryForList("select secret_value from app_secret where name = 'link-signing'",
                String.class);
        if (!stored.isEmpty()) {
            return stored.getFirst();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.update("insert into app_secret (name, secret_value) values ('link-signing', ?)",
                    URL.encodeToString(fresh));
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            // fall through and read theirs
        }
        return jdbc.queryForObject("select secret_value from app_secret where name = 'link-signing'", String.class);
    }
}
