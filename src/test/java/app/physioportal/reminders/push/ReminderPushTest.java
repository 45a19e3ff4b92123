package app.physioportal.reminders.push;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.reminders.ReminderFixture;
import app.physioportal.reminders.ReminderJob;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.push.WebPushTest.TestBrowser;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two reminders also reach the browsers where the patient turned notifications on, encrypted for each. */
@PortalTest
class ReminderPushTest {

    @Autowired
    ReminderJob job;

    @Autowired
    ReminderFixture fixture;

    @Autowired
    PushSubscriptions subscriptions;

    @Autowired
    TestClock clock;

    private HttpServer pushService;
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private String origin;

    @BeforeEach
    void startPushService() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pushService.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(in.readAllBytes());
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        pushService.start();
        origin = "http://127.0.0.1:" + pushService.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        pushService.stop(0);
        clock.release();
    }

    @Test
    void the_bedtime_and_morning_reminders_arrive_as_notifications_that_open_today_and_the_one_press_page()
            throws Exception {
        fixture.at(LocalDateTime.of(2026, 12, 15, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 12, 1), new ReminderSettings(LocalTime.of(22, 0),
                true, 30, true, LocalTime.of(7, 0), true, false, false, null));
        TestBrowser phone = new TestBrowser();
        fixture.as(patient.email(), () -> subscriptions.subscribe(origin + "/ok/" + UUID.randomUUID(), phone.p256dh(),
                phone.auth(), "Mozilla/5.0 (Linux; Android 14) Chrome/131"));
        JsonMapper json = JsonMapper.builder().build();

        fixture.at(LocalDateTime.of(2026, 12, 15, 21, 30));
        job.runDue();
        byte[] bedtime = received.poll(10, TimeUnit.SECONDS);
        assertThat(bedtime).isNotNull();
        JsonNode evening = json.readTree(phone.decrypt(bedtime));
        assertThat(evening.path("title").asString()).isEqualTo("Tonight's stretches");
        assertThat(evening.path("body").asString()).startsWith("Before bed: ").contains("calf stretch");
        assertThat(evening.path("url").asString()).isEqualTo("/today");

        fixture.at(LocalDateTime.of(2026, 12, 16, 7, 0));
        job.runDue();
        byte[] morning = received.poll(10, TimeUnit.SECONDS);
        assertThat(morning).isNotNull();
        JsonNode message = json.readTree(phone.decrypt(morning));
        assertThat(message.path("title").asString()).isEqualTo("Any cramps last night?");
        assertThat(message.path("url").asString()).matches("/check-in\\?t=[A-Za-z0-9_-]{43}");

        // Nothing for a reminder that was not due (already decided): no second notification.
        job.runDue();
        assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
    }
}
