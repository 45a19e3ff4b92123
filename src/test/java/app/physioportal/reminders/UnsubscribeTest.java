package app.physioportal.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RFC 8058 one-click unsubscribe over HTTP, as a mail provider sends it: no cookie, no CSRF token, only the signed
 * address. A link edited to name another person or kind changes nothing.
 */
@PortalTest
class UnsubscribeTest {

    @LocalServerPort
    int port;

    @Autowired
    Unsubscribe unsubscribe;

    @Autowired
    ReminderFixture fixture;

    @Autowired
    ReminderSettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> oneClick(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/unsubscribe/one-click?t="
                        + token)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ReminderSettings of(FreshPatient patient) {
        return fixture.as(patient.email(), () -> settings.mine());
    }

    @Test
    void a_mail_clients_one_click_post_stops_that_kind_only() throws Exception {
        FreshPatient patient = fixture.patient(LocalDate.now().minusDays(10), ReminderSettings.DEFAULTS);
        String link = unsubscribe.oneClickLink(patient.id(), ReminderKind.BEDTIME);
        String token = link.substring(link.indexOf("t=") + 2);
        HttpResponse<String> answer = oneClick(token);
        assertThat(answer.statusCode()).isEqualTo(200);
        ReminderSettings after = of(patient);
        assertThat(after.bedtimeReminder()).isFalse();
        assertThat(after.morningReminder()).isTrue();
        assertThat(after.appointmentReminders()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REMINDER_UNSUBSCRIBED'"
                + " and patient_id = ?", Integer.class, patient.id())).isEqualTo(1);
        // Again: harmless.
        assertThat(oneClick(token).statusCode()).isEqualTo(200);
    }

    @Test
    void a_link_edited_to_name_someone_else_or_another_kind_is_refused_and_changes_nothing() throws Exception {
        FreshPatient mine = fixture.patient(LocalDate.now().minusDays(10), ReminderSettings.DEFAULTS);
        FreshPatient theirs = fixture.patient(LocalDate.now().minusDays(10), ReminderSettings.DEFAULTS);
        String token = unsubscribe.token(mine.id(), ReminderKind.MORNING);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.'));
        String otherPerson = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("unsubscribe:" + theirs.id() + ":MORNING").getBytes()) + signature;
        String otherKind = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("unsubscribe:" + mine.id() + ":APPOINTMENT").getBytes()) + signature;
        int refusedBefore = jdbc.queryForObject("select count(*) from audit_event where action = 'UNSUBSCRIBE_REFUSED'",
                Integer.class);
        for (String forged : new String[] {otherPerson, otherKind, payload, "", "a.b"}) {
            assertThat(oneClick(forged).statusCode()).isEqualTo(400);
        }
        assertThat(of(theirs)).isEqualTo(ReminderSettings.DEFAULTS);
        assertThat(of(mine)).isEqualTo(ReminderSettings.DEFAULTS);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'UNSUBSCRIBE_REFUSED'",
                Integer.class)).isEqualTo(refusedBefore + 5);
    }

    @Test
    void opening_the_one_click_address_changes_nothing_and_leads_to_the_page_that_asks() throws Exception {
        FreshPatient patient = fixture.patient(LocalDate.now().minusDays(10), ReminderSettings.DEFAULTS);
        String link = unsubscribe.oneClickLink(patient.id(), ReminderKind.NUDGE);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(link.replace("localhost:8080",
                "localhost:" + port))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith("/unsubscribe?t=");
        assertThat(of(patient).nudges()).isTrue();
    }
}
