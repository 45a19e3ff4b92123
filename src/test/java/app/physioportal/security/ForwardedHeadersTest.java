package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Proxy mode: X-Forwarded-For and X-Forwarded-Proto count only from a trusted proxy (this machine, by default;
 * TRUSTED_PROXIES in production). From it, a request that came over https gets Secure cookies, HSTS and https
 * redirects, and the sign-in limits see the client's own address; from anywhere else the headers are ignored.
 * Session ids travel in cookies only.
 */
@PortalTest
class ForwardedHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoIds ids;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String host, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> crossSiteSignIn(String host, String forwardedFor) throws Exception {
        String form = "username=" + URLEncoder.encode(Demo.PATIENT1, StandardCharsets.UTF_8) + "&password=x";
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    /** An address of this machine that is not loopback: requests to it come from an untrusted address. */
    private static Optional<String> ownNetworkAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void from_the_trusted_proxy_an_https_request_gets_secure_cookies_hsts_and_https_redirects() throws Exception {
        var page = get("127.0.0.1", "/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.50");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000"));
        assertThat(cookies(page)).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
                .containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        var redirect = get("127.0.0.1", "/today", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "portal.example");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("https://"));
    }

    @Test
    void from_the_trusted_proxy_the_sign_in_limits_see_the_clients_own_address() throws Exception {
        int before = ids.auditCount("ip:203.0.113.51", "LOGIN_CROSS_SITE_REFUSED");
        assertThat(crossSiteSignIn("127.0.0.1", "203.0.113.51").statusCode()).isEqualTo(403);
        assertThat(ids.auditCount("ip:203.0.113.51", "LOGIN_CROSS_SITE_REFUSED")).isEqualTo(before + 1);
    }

    @Test
    void from_any_other_address_forwarded_headers_are_ignored() throws Exception {
        Optional<String> own = ownNetworkAddress();
        Assumptions.assumeTrue(own.isPresent(), "this machine has no network address besides loopback");
        String host = own.get();

        var page = get(host, "/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.52");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(cookies(page)).allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
        var redirect = get(host, "/today", "X-Forwarded-Proto", "https");
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("http://"));

        int before = ids.auditCount("ip:" + host, "LOGIN_CROSS_SITE_REFUSED");
        crossSiteSignIn(host, "203.0.113.53");
        assertThat(ids.auditCount("ip:203.0.113.53", "LOGIN_CROSS_SITE_REFUSED")).as("a claimed address").isZero();
        assertThat(ids.auditCount("ip:" + host, "LOGIN_CROSS_SITE_REFUSED")).isEqualTo(before + 1);
    }

    @Test
    void a_session_id_never_appears_in_an_address() throws Exception {
        var redirect = get("127.0.0.1", "/today");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).doesNotContainIgnoringCase("jsessionid");
        var page = get("127.0.0.1", "/login");
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid=");
    }
}
