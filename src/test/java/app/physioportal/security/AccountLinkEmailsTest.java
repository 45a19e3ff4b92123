package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.mail.Outboxes;
import app.physioportal.security.EmailChanges.EmailChange;
import app.physioportal.security.LinkFixtures.Invited;
import app.physioportal.security.LinkFixtures.Person;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The emails of invitations, resets and email changes as they arrive at an SMTP server (GreenMail): plain text and
 * HTML, a link starting at PUBLIC_URL that works when followed, the clinic's name, and never a password. The HTML of
 * each is kept under target/emails to look at.
 */
@PortalTest
class AccountLinkEmailsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    /** What a one-time password looks like; no email to a patient may carry one. */
    static final Pattern ONE_TIME_PASSWORD = Pattern.compile("\\b[a-z2-9]{4}(-[a-z2-9]{4}){3}\\b");
    static final String CHOSEN = "saffron lighthouse drum 5";

    @Autowired
    Outboxes outboxes;

    @Autowired
    LinkFixtures fixtures;

    @Autowired
    Invitations invitations;

    @Autowired
    PasswordResets resets;

    @Autowired
    EmailChanges changes;

    @BeforeEach
    void onlyThisTestsEmails() throws Exception {
        outboxes.clear();
        greenMail.purgeEmailFromAllMailboxes();
    }

    /** The one email of this subject to this address, once sent; its HTML kept under target/emails. */
    private MimeMessage arrived(String recipient, String subject, String name) throws Exception {
        org.awaitility.Awaitility.await().until(() -> {
            outboxes.sendDue();
            return Outboxes.receivedBy(greenMail, recipient).stream().anyMatch(m -> subjectIs(m, subject));
        });
        List<MimeMessage> matching = Outboxes.receivedBy(greenMail, recipient).stream()
                .filter(m -> subjectIs(m, subject)).toList();
        assertThat(matching).hasSize(1);
        MimeMessage message = matching.getFirst();
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertThat(text).contains("Physio Portal clinic");
        assertThat(html).contains("Physio Portal clinic");
        // Addresses and links are made of random characters that could look like one; what is left must not.
        String words = text.replaceAll("\\S+@\\S+|https?://\\S+", "");
        assertThat(ONE_TIME_PASSWORD.matcher(words).find()).as("no one-time password").isFalse();
        assertThat(text).doesNotContain(CHOSEN).doesNotContain(Demo.FIXTURE_PASSWORD);
        assertThat(html).doesNotContain(CHOSEN).doesNotContain(Demo.FIXTURE_PASSWORD);
        Path dir = Path.of("target", "emails");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".html"), html);
        return message;
    }

    private static boolean subjectIs(MimeMessage message, String subject) {
        try {
            return subject.equals(message.getSubject());
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String part(Part part, String type) throws Exception {
        if (part.getContentType().toLowerCase().startsWith(type)) {
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The token of the link to this page in the email, which must appear alike in the text and the HTML. */
    private static String link(MimeMessage message, String page) throws Exception {
        Matcher text = Pattern.compile("http://localhost:8080/" + page + "\\?t=([A-Za-z0-9_-]{43})")
                .matcher(part(message, "text/plain"));
        assertThat(text.find()).as("a link to " + page + " starting at PUBLIC_URL").isTrue();
        assertThat(part(message, "text/html")).contains("href=\"http://localhost:8080/" + page + "?t=" + text.group(1)
                + "\"");
        return text.group(1);
    }

    @Test
    void the_invitation_greets_the_patient_and_its_link_lets_them_choose_a_password() throws Exception {
        Invited invited = fixtures.invite("Winifred Welcome");

        MimeMessage email = arrived(invited.email(), "Choose your password for Physio Portal", "invitation");

        String text = part(email, "text/plain");
        assertThat(text).startsWith("Hello Winifred,").contains("You sign in with this email address, "
                + invited.email()).contains("Choose my password: ").contains("(72 hours)");
        assertThat(invitations.accept(link(email, "welcome"), CHOSEN).state()).isEqualTo(LinkState.DONE);
    }

    @Test
    void the_reset_email_carries_a_30_minute_link_and_the_reset_is_then_told_by_email() throws Exception {
        Person person = fixtures.person();
        resets.decide(person.email(), "198.51.100.40");

        MimeMessage email = arrived(person.email(), "Reset your Physio Portal password", "password-reset");
        assertThat(part(email, "text/plain")).startsWith("Hello Ada,").contains("for 30 minutes")
                .contains("Did not ask for this? Ignore this email");
        assertThat(resets.reset(link(email, "reset-password"), CHOSEN).state()).isEqualTo(LinkState.DONE);

        MimeMessage notice = arrived(person.email(), "Your password was reset", "password-reset-notice");
        assertThat(part(notice, "text/plain")).contains("reset with a link sent to this address")
                .contains("every device was signed out").contains("call the clinic");
    }

    @Test
    void the_new_address_gets_the_confirmation_without_naming_the_account_and_the_old_one_is_told() throws Exception {
        Person person = fixtures.person();
        String newEmail = LinkFixtures.newEmail("new-home");
        fixtures.as(person.email(), () -> changes.request(new EmailChange(newEmail, Demo.FIXTURE_PASSWORD)));

        MimeMessage confirmation = arrived(newEmail, "Confirm your new sign-in email for Physio Portal", "email-change");
        String text = part(confirmation, "text/plain");
        assertThat(text).contains(newEmail).contains("(24 hours)").doesNotContain(person.email())
                .doesNotContain("Ada");
        assertThat(changes.confirm(link(confirmation, "confirm-email")).state()).isEqualTo(LinkState.DONE);

        MimeMessage notice = arrived(person.email(), "Your sign-in email was changed", "email-changed-notice");
        assertThat(part(notice, "text/plain")).startsWith("Hello Ada,").contains("was changed to " + newEmail);
    }

    @Test
    void an_address_that_has_an_account_is_told_that_nothing_changed() throws Exception {
        Person person = fixtures.person();
        Person other = fixtures.person();
        fixtures.as(person.email(), () -> changes.request(new EmailChange(other.email(), Demo.FIXTURE_PASSWORD)));

        MimeMessage told = arrived(other.email(), "Physio Portal: this address already has an account",
                "email-change-taken");
        assertThat(part(told, "text/plain")).contains("nothing changed").doesNotContain(person.email());
    }
}
