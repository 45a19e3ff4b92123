package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.messages.MessageService;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.security.SystemTasks;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log never carries health data or passwords. The suite writes its whole log as JSON lines (ECS, as production
 * with LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs); this test turns the portal's own loggers up to DEBUG, writes a cramp
 * note, a clinical note and a message holding a marker, signs in with a password holding another, sends bad input
 * holding a third, then reads the log back: every line is a JSON object, none holds a marker, and the request's line
 * carries the request id the client sent.
 */
@PortalTest
class LogPrivacyTest {

    @LocalServerPort
    int port;

    @Value("${logging.file.name}")
    String logFile;

    @Autowired
    LoggingSystem logging;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DiaryService diary;

    @Autowired
    ClinicalNoteService notes;

    @Autowired
    MessageService messages;

    @Autowired
    DemoIds ids;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final String health = "HEALTHMARK" + UUID.randomUUID().toString().replace("-", "");
    private final String password = "PWMARK" + UUID.randomUUID().toString().replace("-", "");
    private final String requestId = "logtest-" + UUID.randomUUID();

    @BeforeEach
    void loud() {
        logging.setLogLevel("app.physioportal", LogLevel.DEBUG);
    }

    @AfterEach
    void quiet() {
        logging.setLogLevel("app.physioportal", null);
    }

    @Test
    void no_health_data_or_password_reaches_the_log() throws Exception {
        long patient = ids.idOf(Demo.PATIENT1);
        long[] made = new long[3];
        systemTasks.runAsAccount(Demo.PATIENT1, () -> made[0] = diary.logCramp(patient, new CrampInput(
                Instant.now().minus(300, ChronoUnit.DAYS), 7, null, null, CrampLocation.CALF, null, true, null, null,
                "calf " + health)));
        systemTasks.runAsAccount(Demo.PHYSIO1, () -> made[1] = notes.addNote(patient,
                new ClinicalNoteService.NewNote("Reviewed " + health, false, null)));
        systemTasks.runAsAccount(Demo.PATIENT1, () -> made[2] = messages.send(patient, "Question " + health, null));
        // Other tests count patient1's cramps, notes and messages: what this test wrote goes again.
        jdbc.update("delete from cramp_entry where id = ?", made[0]);
        jdbc.update("delete from clinical_note where id = ?", made[1]);
        jdbc.update("delete from message where id = ?", made[2]);
        // Bad input holding the marker is refused; the refusal is not logged with what was typed.
        systemTasks.runAsAccount(Demo.PATIENT1, () -> assertThatThrownBy(() -> diary.logCramp(patient,
                new CrampInput(Instant.now(), 42, null, null, CrampLocation.CALF, null, false, null, null,
                        health.repeat(20)))).isInstanceOf(RuntimeException.class));

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + URLEncoder.encode(Demo.PATIENT2, StandardCharsets.UTF_8) + "&password=" + password;
        HttpResponse<Void> refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(refused.headers().firstValue("X-Request-Id")).contains(requestId);

        List<String> lines = Files.readAllLines(Path.of(logFile), StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("a log line").doesNotContain(health).doesNotContain(password);
            records.add(json.readTree(line));
        }
        assertThat(records).allSatisfy(record -> assertThat(record.has("@timestamp") && record.has("message")).isTrue());
        assertThat(records).filteredOn(record -> requestId.equals(record.path("request_id").asString(null)))
                .as("the sign-in request's access line, with the client's request id")
                .anySatisfy(record -> assertThat(record.path("message").asString()).startsWith("POST /login"));
    }
}
