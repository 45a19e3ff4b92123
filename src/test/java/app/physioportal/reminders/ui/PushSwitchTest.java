package app.physioportal.reminders.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.reminders.push.PushSubscriptions;
import app.physioportal.reminders.push.VapidKeys;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The switch's server half, without a browser: what it shows and keeps for each answer the browser's script can
 * give (and for answers a tampered page could send). The browser's half runs in PushNotificationsJourneyTest.
 */
@PortalTest
class PushSwitchTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Autowired
    PushSubscriptions subscriptions;

    @Autowired
    VapidKeys vapidKeys;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void turned_on_it_keeps_the_browser_for_the_person_and_shows_on_until_turned_off() throws Exception {
        FreshPatient patient = fixtures.newPatient();
        String endpoint = "http://127.0.0.1:9/ok/" + UUID.randomUUID();
        String subscribed = subscribedAnswer("on", endpoint);
        fixtures.as(patient.email(), () -> {
            PushSwitch control = new PushSwitch(subscriptions, vapidKeys);
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: checking…");
            assertThat(shown(control, "push-toggle")).isFalse();

            control.browserAnswered("{\"mode\":\"check\",\"state\":\"off\"}");
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: Off");
            assertThat(text(control, "push-toggle")).isEqualTo("Turn on notifications on this device");
            assertThat(shown(control, "push-message")).isFalse();

            control.browserAnswered(subscribed);
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: On");
            assertThat(text(control, "push-toggle")).isEqualTo("Turn off on this device");
            assertThat(text(control, "push-message")).isEqualTo(PushSwitch.TURNED_ON);
            assertThat(control.getElement().getAttribute("data-push")).isEqualTo("on");
            assertThat(subscriptions.count()).isEqualTo(1);

            PushSwitch later = new PushSwitch(subscriptions, vapidKeys);
            later.browserAnswered(subscribed.replace("\"mode\":\"on\"", "\"mode\":\"check\""));
            assertThat(text(later, "push-status")).isEqualTo("Notifications on this device: On");
            assertThat(shown(later, "push-message")).isFalse();

            control.browserAnswered("{\"mode\":\"off\",\"state\":\"failed\",\"error\":\"AbortError\"}");
            assertThat(text(control, "push-status")).as("not off until the browser says so")
                    .isEqualTo("Notifications on this device: On");
            assertThat(text(control, "push-message")).isEqualTo(PushSwitch.NOT_OFF);
            assertThat(subscriptions.count()).isEqualTo(1);

            control.browserAnswered("{\"mode\":\"off\",\"state\":\"off\",\"endpoint\":\"" + endpoint + "\"}");
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: Off");
            assertThat(text(control, "push-message")).isEqualTo(PushSwitch.TURNED_OFF);
            assertThat(subscriptions.count()).isZero();
        });
    }

    @Test
    void another_persons_browser_shows_off_here_and_a_tampered_answer_keeps_nothing() throws Exception {
        FreshPatient owner = fixtures.newPatient();
        FreshPatient other = fixtures.newPatient();
        String endpoint = "http://127.0.0.1:9/ok/" + UUID.randomUUID();
        String subscribed = subscribedAnswer("on", endpoint);
        fixtures.as(owner.email(), () -> new PushSwitch(subscriptions, vapidKeys).browserAnswered(subscribed));

        fixtures.as(other.email(), () -> {
            PushSwitch control = new PushSwitch(subscriptions, vapidKeys);
            control.browserAnswered(subscribed.replace("\"mode\":\"on\"", "\"mode\":\"check\""));
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: Off");

            control.browserAnswered("{\"mode\":\"off\",\"state\":\"off\",\"endpoint\":\"" + endpoint + "\"}");
            control.browserAnswered(subscribed.replace("\"auth\":\"", "\"auth\":\"x"));
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: Off");
            assertThat(text(control, "push-message")).isEqualTo("The browser's auth secret must be 16 bytes; this one"
                    + " is 17.");
            control.browserAnswered("not json at all");
            control.browserAnswered(null);
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: Off");
        });
        assertThat(jdbc.queryForObject("select count(*) from push_subscription where account_id = ?", Integer.class,
                owner.id())).as("the other patient's 'off' did not touch the owner's browser").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from push_subscription where account_id = ?", Integer.class,
                other.id())).isZero();
    }

    @Test
    void a_browser_that_cannot_or_may_not_is_told_so_plainly_without_a_button() {
        FreshPatient patient = fixtures.newPatient();
        fixtures.as(patient.email(), () -> {
            PushSwitch control = new PushSwitch(subscriptions, vapidKeys);
            control.browserAnswered("{\"mode\":\"check\",\"state\":\"unsupported\"}");
            assertThat(text(control, "push-message")).isEqualTo("This browser can't show notifications from the"
                    + " portal. On an iPhone, add the portal to your home screen first.");
            assertThat(shown(control, "push-toggle")).isFalse();

            control.browserAnswered("{\"mode\":\"on\",\"state\":\"blocked\"}");
            assertThat(text(control, "push-message")).isEqualTo("Notifications are blocked for this site in the"
                    + " browser's settings.");
            assertThat(shown(control, "push-toggle")).isFalse();

            control.browserAnswered("{\"mode\":\"on\",\"state\":\"failed\",\"error\":\"push service error\"}");
            assertThat(text(control, "push-message")).isEqualTo(PushSwitch.FAILED);
            assertThat(shown(control, "push-toggle")).as("worth another try").isTrue();
            assertThat(text(control, "push-status")).isEqualTo("Notifications on this device: Off");
        });
    }

    /** What the browser's script reports after subscribing: a real P-256 public key and a 16-byte auth secret. */
    private static String subscribedAnswer(String mode, String endpoint) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy32(key.getW().getAffineX(), point, 1);
        copy32(key.getW().getAffineY(), point, 33);
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return "{\"mode\":\"" + mode + "\",\"state\":\"subscribed\",\"endpoint\":\"" + endpoint + "\",\"p256dh\":\""
                + B64URL.encodeToString(point) + "\",\"auth\":\"" + B64URL.encodeToString(auth)
                + "\",\"ua\":\"Mozilla/5.0 Test\"}";
    }

    /** A coordinate as exactly 32 big-endian bytes, at this place in the point. */
    private static void copy32(BigInteger value, byte[] into, int at) {
        byte[] raw = value.toByteArray();
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, into, at + 32 - length, length);
    }

    private static Component child(PushSwitch control, String id) {
        return control.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    private static String text(PushSwitch control, String id) {
        return ((HasText) child(control, id)).getText();
    }

    private static boolean shown(PushSwitch control, String id) {
        return child(control, id).isVisible();
    }
}
