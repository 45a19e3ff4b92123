package app.physioportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health groups, the token-guarded Prometheus endpoint with the portal's meters, and request ids, over real HTTP. */
@PortalTest
class MonitoringHttpTest {

    @LocalServerPort
    int port;

    @Value("${app.metrics.token}")
    String token;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void liveness_and_readiness_answer_signed_out_without_details() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"UP\"").doesNotContain("components").doesNotContain("db");
        }
    }

    @Test
    void the_metrics_need_the_token() throws Exception {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", "Bearer wrong-" + token).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", "Basic " + token).statusCode()).isEqualTo(401);
        // No session is made for the endpoint, signed in or not.
        assertThat(get("/actuator/prometheus").headers().firstValue("Set-Cookie")).isEmpty();
        // Other actuator endpoints are not exposed at all.
        assertThat(get("/actuator/env", "Authorization", "Bearer " + token).statusCode()).isNotEqualTo(200);
    }

    @Test
    void the_scraper_reads_the_portals_meters() throws Exception {
        double failuresBefore = meters.counter("portal.sign.ins", "outcome", "failure").count();
        String form = "username=" + URLEncoder.encode(Demo.PATIENT2, StandardCharsets.UTF_8) + "&password=not-her-password";
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        get("/login");

        HttpResponse<String> scrape = get("/actuator/prometheus", "Authorization", "Bearer " + token);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(meters.counter("portal.sign.ins", "outcome", "failure").count()).isEqualTo(failuresBefore + 1);
        assertThat(scrape.body())
                .contains("portal_sign_ins_total{", "outcome=\"failure\"")
                .contains("portal_cramps_logged_total", "portal_check_ins_total", "portal_bookings_total",
                        "portal_messages_sent_total", "portal_emails_waiting{")
                .contains("portal_vaadin_requests_seconds_bucket{", "type=\"page\"")
                .contains("hikaricp_connections_active", "jvm_memory_used_bytes", "http_server_requests_seconds");
    }

    @Test
    void every_answer_carries_a_request_id() throws Exception {
        String first = get("/login").headers().firstValue(RequestTrace.HEADER).orElseThrow();
        String second = get("/login").headers().firstValue(RequestTrace.HEADER).orElseThrow();
        assertThat(first).matches("[0-9a-f]{16}").isNotEqualTo(second);

        // A proxy's id is kept; one that is not an id is replaced, never echoed.
        assertThat(get("/login", RequestTrace.HEADER, "proxy-7f3a-0001").headers().firstValue(RequestTrace.HEADER))
                .contains("proxy-7f3a-0001");
        assertThat(get("/login", RequestTrace.HEADER, "<script>alert(1)</script>").headers()
                .firstValue(RequestTrace.HEADER).orElseThrow()).matches("[0-9a-f]{16}");
    }
}
