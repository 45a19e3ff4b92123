package app.physioportal.patient;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.security.SignInSteps;
import app.physioportal.today.ui.TodayView;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

/**
 * Moving a patient to another physio is nobody's surprise: the patient and the previous physio are emailed and
 * told at their next sign-in, and the patient's "who has seen my record" shows it.
 */
@PortalTest
class ReassignmentTest extends SpringBrowserlessTest {

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
    PlanFixtures fixtures;

    @Autowired
    PatientService patients;

    @Autowired
    AccessHistory history;

    @Autowired
    SignInSteps steps;

    @Autowired
    DemoIds ids;

    @AfterEach
    void forget() {
        steps.forget();
    }

    @Test
    @WithAnonymousUser
    void the_patient_and_the_previous_physio_are_emailed_and_told_at_their_next_sign_in() throws Exception {
        var patient = fixtures.newPatient();
        fixtures.as(Demo.ADMIN, () -> patients.reassign(patient.id(), ids.idOf(Demo.PHYSIO2)));

        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] sent = greenMail.getReceivedMessages();
        assertThat(Arrays.stream(sent).map(m -> {
            try {
                return m.getAllRecipients()[0] + ": " + m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder(patient.email() + ": Your physio has changed",
                PlanFixtures.PHYSIO + ": A patient has moved to another physio");

        steps.signedIn(patient.email());
        navigate(TodayView.class);
        assertThat(find(Div.class).id("sign-in-notices").getElement().getTextRecursively()).contains("Your physio is now Tom Becker",
                "Fixture Physio no longer sees your record");
        assertThat(fixtures.as(patient.email(), () -> history.ofMyRecord(patient.id(), 0)).getFirst().what())
                .isEqualTo("assigned you to a physio");
    }
}
