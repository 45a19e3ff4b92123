package app.physioportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Text goes compressed to a browser that accepts it; pages themselves are never cached. */
@PortalTest
class CompressionHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws Exception {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_sign_in_page_and_its_style_sheets_travel_gzipped_and_the_page_is_not_cached() throws Exception {
        HttpResponse<byte[]> page = get("login", true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String html = gunzip(page.body());
        Matcher lumo = Pattern.compile("href=\"\\./(lumo/lumo\\.css[^\"]*)\"").matcher(html);
        assertThat(lumo.find()).as("the page links lumo.css").isTrue();

        HttpResponse<byte[]> plain = get(lumo.group(1), false);
        HttpResponse<byte[]> zipped = get(lumo.group(1), true);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(zipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        assertThat(zipped.body().length).as("lumo.css gzipped").isLessThan(plain.body().length / 4);

        HttpResponse<byte[]> styles = get("styles.css", true);
        assertThat(styles.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void pictures_are_not_compressed_again() throws Exception {
        HttpResponse<byte[]> icon = get("icons/icon-512.png", true);
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Encoding")).isEmpty();
    }
}
