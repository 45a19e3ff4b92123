package app.physioportal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against the real database and an SMTP server (GreenMail) that the tests stop and start. */
@PortalTest
class OutboxTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    Outbox outbox;

    @Autowired
    Outboxes outboxes;

    @Autowired
    OutboxSender sender;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JavaMailSender mail;

    @Autowired
    TestClock clock;

    @Value("${app.mail.from}")
    String from;

    @BeforeEach
    void onlyThisTestsEmails() throws Exception {
        outboxes.clear();
        // A stale email in flight when the server started has arrived by now (clear waits for the sender).
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static String someone() {
        return "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static OutgoingEmail email(String to) {
        return OutgoingEmail.of("TEST", null, to, "Hello from the outbox", EmailLayout.from("Test Clinic")
                .greeting("Ann").paragraph("Line <b>one</b> & more.").button("Open Today", "http://localhost/today")
                .render());
    }

    private List<MimeMessage> to(String recipient) {
        return Outboxes.receivedBy(greenMail, recipient);
    }

    private String status(String recipient) {
        return jdbc.queryForObject("select status from outbox_email where recipient = ?", String.class, recipient);
    }

    @Test
    void an_email_queued_in_a_change_that_rolls_back_is_never_sent() {
        String to = someone();
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(email(to));
            status.setRollbackOnly();
        });
        outboxes.sendDue();
        assertThat(outboxes.rowsTo(to)).isEmpty();
        assertThat(to(to)).isEmpty();
    }

    @Test
    void a_committed_email_goes_out_after_commit_in_text_and_html_with_one_click_unsubscribe() throws Exception {
        String to = someone();
        transaction.executeWithoutResult(status -> outbox.enqueue(email(to)
                .unsubscribeAt("http://localhost/unsubscribe/one-click?t=abc")));
        await().atMost(Duration.ofSeconds(10)).until(() -> to(to).size() == 1);
        MimeMessage message = to(to).getFirst();
        assertThat(message.getSubject()).isEqualTo("Hello from the outbox");
        assertThat(message.getHeader("List-Unsubscribe")[0]).isEqualTo("<http://localhost/unsubscribe/one-click?t=abc>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getMessageID()).startsWith("<outbox-").endsWith("@physio-portal>");
        String whole = GreenMailUtil.getWholeMessage(message);
        assertThat(whole).contains("text/plain").contains("text/html");
        // The HTML escapes what it is given; the text keeps it as typed.
        assertThat(whole).contains("Line &lt;b&gt;one&lt;/b&gt; &amp; more.").contains("Line <b>one</b> & more.");
        await().atMost(Duration.ofSeconds(5)).until(() -> status(to).equals("SENT"));
    }

    @Test
    void while_the_mail_server_is_down_an_email_waits_and_is_retried_with_backoff_then_sent_once() {
        greenMail.stop();
        clock.pin(Instant.now());
        String to = someone();
        transaction.executeWithoutResult(status -> outbox.enqueue(email(to)));
        // The wake after commit tries at once and fails; the row waits 30 seconds.
        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) outboxes.rowsTo(to).getFirst().get("attempts"))
                .intValue() == 1);
        assertThat(status(to)).isEqualTo("PENDING");
        assertThat(outboxes.rowsTo(to).getFirst().get("last_error")).isNotNull();
        assertThat(outboxes.sendDue()).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(outboxes.sendDue()).isZero();
        assertThat(((Number) outboxes.rowsTo(to).getFirst().get("attempts")).intValue()).isEqualTo(2);
        // The second wait is twice as long: a minute.
        clock.advance(Duration.ofSeconds(31));
        assertThat(outboxes.sendDue()).isZero();
        assertThat(((Number) outboxes.rowsTo(to).getFirst().get("attempts")).intValue()).isEqualTo(2);

        greenMail.start();
        clock.advance(Duration.ofSeconds(30));
        assertThat(outboxes.sendDue()).isEqualTo(1);
        assertThat(outboxes.sendDue()).isZero();
        assertThat(status(to)).isEqualTo("SENT");
        await().atMost(Duration.ofSeconds(5)).until(() -> to(to).size() == 1);
    }

    @Test
    void after_the_last_attempt_an_email_is_failed_for_the_admin_and_can_be_sent_again() {
        greenMail.stop();
        clock.pin(Instant.now());
        String to = someone();
        transaction.executeWithoutResult(status -> outbox.enqueue(email(to)));
        for (int i = 0; i < OutboxSender.MAX_ATTEMPTS + 2; i++) {
            outboxes.sendDue();
            clock.advance(Duration.ofHours(1).plusSeconds(1));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> status(to).equals("FAILED"));
        assertThat(((Number) outboxes.rowsTo(to).getFirst().get("attempts")).intValue())
                .isEqualTo(OutboxSender.MAX_ATTEMPTS);
    }

    @Test
    void two_instances_sending_at_the_same_moment_send_each_email_once() throws Exception {
        List<String> recipients = new ArrayList<>();
        // Holding this sender's lock keeps its after-commit run waiting until both senders are ready to race.
        synchronized (sender) {
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < 20; i++) {
                    String to = someone();
                    recipients.add(to);
                    outbox.enqueue(email(to));
                }
            });
        }
        // A second sender, as another instance would have, over the same table.
        OutboxSender other = new OutboxSender(jdbc, mail, clock, from, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<Integer>> both = List.of(sender::sendDue, other::sendDue);
            int sent = 0;
            for (Future<Integer> result : pool.invokeAll(both)) {
                sent += result.get();
            }
            // The wake after commit may have sent some before the two started; together, each once.
            assertThat(sent).isLessThanOrEqualTo(20);
        } finally {
            other.stop();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> recipients.stream().allMatch(r -> status(r).equals("SENT")));
        for (String r : recipients) {
            await().atMost(Duration.ofSeconds(5)).until(() -> to(r).size() == 1);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(20);
    }

    @Test
    void an_email_with_a_key_already_queued_is_refused_and_one_past_its_use_is_dropped() {
        String to = someone();
        String key = "TEST:" + to;
        assertThat(Boolean.TRUE.equals(transaction.execute(s -> outbox.enqueue(email(to).once(key))))).isTrue();
        assertThat(Boolean.TRUE.equals(transaction.execute(s -> outbox.enqueue(email(to).once(key))))).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> to(to).size() == 1);

        greenMail.stop();
        String late = someone();
        clock.pin(Instant.now());
        transaction.executeWithoutResult(s -> outbox.enqueue(email(late).expiringAt(clock.instant().plusSeconds(60))));
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) outboxes.rowsTo(late).getFirst().get("attempts"))
                .intValue() == 1);
        clock.advance(Duration.ofMinutes(2));
        outboxes.sendDue();
        assertThat(status(late)).isEqualTo("EXPIRED");
    }
}
