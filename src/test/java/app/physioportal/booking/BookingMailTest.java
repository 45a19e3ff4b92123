package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.booking.BookingFixture.TestPatient;
import app.physioportal.booking.BookingService.AppointmentSummary;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The test profile points spring.mail at port 3025, where GreenMail listens during these tests. */
@PortalTest
class BookingMailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    app.physioportal.mail.Outboxes outboxes;

    /** Emails earlier tests queued with no mail server listening must not arrive in this test's inbox. */
    @BeforeEach
    void onlyThisTestsEmails() throws Exception {
        outboxes.clear();
        // A stale email in flight when the server started has arrived by now (clear waits for the sender).
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Autowired
    BookingService booking;

    @Autowired
    BookingFixture fixture;

    @Autowired
    JavaMailSenderImpl mailSender;

    TestPatient patient;

    @BeforeEach
    void newPatient() {
        patient = fixture.newPatient();
    }

    private static String calendarOf(MimeMessage message) throws Exception {
        return partOf(message, "text/calendar");
    }

    /** The decoded content of the first part of this type, however deeply the multiparts nest. */
    private static String partOf(Part part, String type) throws Exception {
        if (part.getContentType().toLowerCase().startsWith(type)) {
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                try {
                    return partOf(multipart.getBodyPart(i), type);
                } catch (AssertionError notHere) {
                    // look in the next part
                }
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static List<MimeMessage> to(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().contains(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void a_patient_booking_emails_patient_and_physio_an_invitation_and_a_cancellation_updates_the_same_event()
            throws Exception {
        Slot slot = fixture.openSlot(patient.id(), 4);
        AppointmentSummary booked = fixture.as(patient.email(),
                () -> booking.book(patient.id(), slot.start(), AppointmentType.VIDEO, null));

        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage toPatient = to(patient.email()).getFirst();
        assertThat(toPatient.getSubject()).isEqualTo("Appointment booked");
        String text = partOf(toPatient, "text/plain");
        assertThat(text).contains("video call appointment with Booking Test Physio");
        String ics = calendarOf(toPatient);
        String utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(slot.start());
        assertThat(ics).contains("METHOD:REQUEST\r\n", "UID:appointment-" + booked.id() + "@physio-portal\r\n",
                "SEQUENCE:0\r\n", "DTSTART:" + utc + "\r\n", "STATUS:CONFIRMED\r\n");
        assertThat(ics.replace("\r\n ", "")).as("unfolded")
                .contains("ATTENDEE;CN=Test Patient;ROLE=REQ-PARTICIPANT:mailto:" + patient.email() + "\r\n");
        assertThat(to(fixture.physio())).singleElement().satisfies(m ->
                assertThat(m.getSubject()).isEqualTo("Appointment booked (Test Patient)"));

        outboxes.drain();
        greenMail.purgeEmailFromAllMailboxes();
        fixture.as(patient.email(), () -> booking.cancel(patient.id(), booked.id()));

        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        String cancel = calendarOf(to(patient.email()).getFirst());
        assertThat(cancel).contains("METHOD:CANCEL\r\n", "UID:appointment-" + booked.id() + "@physio-portal\r\n",
                "SEQUENCE:1\r\n", "STATUS:CANCELLED\r\n");
    }

    @Test
    void a_physio_booking_emails_only_the_patient_and_a_move_raises_the_sequence() throws Exception {
        Slot slot = fixture.openSlot(patient.id(), 4);
        AppointmentSummary booked = fixture.as(fixture.physio(),
                () -> booking.book(patient.id(), slot.start(), AppointmentType.IN_CLINIC, "Check the calf raises"));
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(to(patient.email())).hasSize(1);

        outboxes.drain();
        greenMail.purgeEmailFromAllMailboxes();
        Slot later = fixture.openSlot(patient.id(), 6);
        fixture.as(fixture.physio(), () -> booking.reschedule(patient.id(), booked.id(), later.start()));
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage moved = to(patient.email()).getFirst();
        assertThat(moved.getSubject()).isEqualTo("Appointment moved");
        assertThat(calendarOf(moved)).contains("METHOD:REQUEST\r\n", "SEQUENCE:1\r\n",
                "UID:appointment-" + booked.id() + "@physio-portal\r\n");
    }

    @Test
    void a_booking_that_fails_sends_no_email() throws Exception {
        Slot slot = fixture.openSlot(patient.id(), 4);
        fixture.as(fixture.physio(), () -> booking.book(patient.id(), slot.start(), AppointmentType.IN_CLINIC, null));
        outboxes.drain();
        greenMail.purgeEmailFromAllMailboxes();
        TestPatient other = fixture.newPatient();
        try {
            fixture.as(fixture.physio(), () -> booking.book(other.id(), slot.start(), AppointmentType.IN_CLINIC, null));
        } catch (SlotTakenException expected) {
            // the loser's transaction rolled back, so its event is never delivered
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void an_unreachable_mail_server_neither_fails_nor_undoes_the_booking() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = mailSender.getPort();
        mailSender.setPort(closedPort);
        try {
            Slot slot = fixture.openSlot(patient.id(), 4);
            AppointmentSummary booked = fixture.as(patient.email(),
                    () -> booking.book(patient.id(), slot.start(), AppointmentType.IN_CLINIC, null));
            assertThat(fixture.statusOf(booked.id())).isEqualTo("BOOKED");
            assertThat(fixture.as(patient.email(), () -> booking.nextAppointment(patient.id()))).isPresent();
        } finally {
            mailSender.setPort(port);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
