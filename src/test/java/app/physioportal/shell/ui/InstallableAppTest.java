package app.physioportal.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Application;
import app.physioportal.Demo;
import app.physioportal.PortalTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The files that make the portal an installable web app, fetched over HTTP as a signed-out browser fetches them
 * (no cookie): the manifest, the service worker, the offline page, the favicons and the icons, each with its
 * content type; the manifest's members and the real pixel size of every icon it names; and the page's links to
 * them. InstallabilityJourneyTest asks Chromium itself whether it would install the portal.
 */
@PortalTest
class InstallableAppTest {

    static final String BLUE = "#1a5276";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void each_file_is_served_to_a_signed_out_visitor_with_its_content_type() throws Exception {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("/manifest.webmanifest", List.of("application/manifest+json"));
        types.put("/service-worker.js", List.of("text/javascript", "application/javascript"));
        types.put("/offline.html", List.of("text/html"));
        types.put("/favicon.ico", List.of("image/x-icon", "image/vnd.microsoft.icon"));
        types.put("/favicon.svg", List.of("image/svg+xml"));
        types.put("/icons/icon-192.png", List.of("image/png"));
        types.put("/icons/icon-512.png", List.of("image/png"));
        types.put("/icons/icon-maskable-512.png", List.of("image/png"));
        types.put("/icons/apple-touch-icon.png", List.of("image/png"));
        for (var file : types.entrySet()) {
            var response = get(file.getKey());
            assertThat(response.statusCode()).as(file.getKey() + " signed out").isEqualTo(200);
            assertThat(type(response)).as(file.getKey())
                    .satisfies(t -> assertThat(file.getValue()).anySatisfy(expected -> assertThat(t).startsWith(expected)));
            assertThat(response.body()).as(file.getKey()).isNotEmpty();
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).as(file.getKey())
                    .contains("manifest-src 'self'").contains("worker-src 'self'");
        }
    }

    @Test
    void the_manifest_has_what_an_installed_app_needs_and_every_icon_it_names_has_its_declared_size() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(text(get("/manifest.webmanifest")));

        assertThat(manifest.path("name").asString()).isEqualTo("Physio Portal");
        assertThat(manifest.path("short_name").asString()).isEqualTo("Physio");
        assertThat(manifest.path("id").asString()).isEqualTo("/");
        assertThat(manifest.path("start_url").asString()).isEqualTo("/");
        assertThat(manifest.path("scope").asString()).isEqualTo("/");
        assertThat(manifest.path("display").asString()).isEqualTo("standalone");
        assertThat(manifest.path("theme_color").asString()).isEqualToIgnoringCase(BLUE)
                .isEqualToIgnoringCase(Application.THEME_COLOUR_LIGHT);
        assertThat(manifest.path("background_color").asString()).isEqualToIgnoringCase(BLUE);

        List<String> declared = new ArrayList<>();
        for (JsonNode icon : manifest.path("icons")) {
            String src = icon.path("src").asString();
            String sizes = icon.path("sizes").asString();
            String purpose = icon.path("purpose").asString("any");
            declared.add(sizes + " " + purpose);
            assertThat(icon.path("type").asString()).as(src).isEqualTo("image/png");

            var response = get(src);
            assertThat(response.statusCode()).as(src + " signed out").isEqualTo(200);
            int[] size = pngSize(response.body());
            assertThat(size[0] + "x" + size[1]).as("pixels of " + src).isEqualTo(sizes);
        }
        assertThat(declared).contains("192x192 any", "512x512 any", "512x512 maskable");
    }

    @Test
    void the_maskable_icon_is_opaque_and_keeps_its_drawing_inside_the_safe_zone() throws Exception {
        BufferedImage icon = ImageIO.read(new ByteArrayInputStream(get("/icons/icon-maskable-512.png").body()));
        assertThat(icon.getColorModel().hasAlpha()).as("a maskable icon fills its square").isFalse();
        // The safe zone is the centred circle of 40 % of the size in radius; outside it only the blue may show.
        int blue = Integer.parseInt(BLUE.substring(1), 16);
        double centre = icon.getWidth() / 2.0;
        double safe = icon.getWidth() * 0.4;
        List<String> outside = new ArrayList<>();
        for (int y = 0; y < icon.getHeight(); y++) {
            for (int x = 0; x < icon.getWidth(); x++) {
                if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > safe && !near(icon.getRGB(x, y), blue)) {
                    outside.add(x + "," + y);
                }
            }
        }
        assertThat(outside).as("drawn pixels outside the safe zone").isEmpty();

        BufferedImage apple = ImageIO.read(new ByteArrayInputStream(get("/icons/apple-touch-icon.png").body()));
        assertThat(apple.getWidth()).isEqualTo(180);
        assertThat(apple.getHeight()).isEqualTo(180);
        assertThat(apple.getColorModel().hasAlpha()).as("Apple's icon has no transparency").isFalse();
    }

    @Test
    void the_favicon_ico_holds_16_32_and_48_pixel_pictures() throws Exception {
        ByteBuffer ico = ByteBuffer.wrap(get("/favicon.ico").body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type 1 is an icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            int height = Byte.toUnsignedInt(ico.get(6 + 16 * i + 1));
            assertThat(height).isEqualTo(width);
            widths.add(width);
        }
        assertThat(widths).containsExactlyInAnyOrder(16, 32, 48);
    }

    @Test
    void the_service_worker_keeps_only_files_that_exist_and_never_handles_posts() throws Exception {
        String worker = text(get("/service-worker.js"));
        Matcher kept = Pattern.compile("const KEPT = \\[(.*?)\\];", Pattern.DOTALL).matcher(worker);
        assertThat(kept.find()).as("service-worker.js lists what it keeps").isTrue();
        List<String> paths = new ArrayList<>();
        Matcher path = Pattern.compile("'(/[^']*)'|OFFLINE_PAGE").matcher(kept.group(1));
        while (path.find()) {
            paths.add(path.group(1) == null ? "/offline.html" : path.group(1));
        }
        assertThat(paths).contains("/offline.html", "/icons/icon-192.png", "/icons/icon-512.png",
                "/icons/icon-maskable-512.png", "/icons/apple-touch-icon.png");
        // One missing file would make the whole install fail (cache.addAll is all or nothing).
        for (String file : paths) {
            assertThat(get(file).statusCode()).as(file + " signed out").isEqualTo(200);
        }
        assertThat(worker).as("it stores nothing beyond the list").doesNotContain(".put(").doesNotContain(".add(");
        assertThat(worker).contains("request.method !== 'GET'");
    }

    @Test
    void the_offline_page_stands_alone_and_says_what_to_do() throws Exception {
        Document page = Jsoup.parse(text(get("/offline.html")));
        assertThat(page.select("h1").text()).isEqualTo("You're offline.");
        assertThat(page.body().text()).contains("Your diary and plan need a connection; reconnect and try again.");
        Element again = page.selectFirst("a#offline-try-again");
        assertThat(again).isNotNull();
        assertThat(again.text()).isEqualTo("Try again");
        assertThat(again.attr("href")).isEqualTo("/");
        assertThat(page.select("script")).as("no script").isEmpty();
        assertThat(page.select("[src], link[href]")).as("nothing else to fetch").isEmpty();
        assertThat(page.select("style").html()).contains("prefers-color-scheme: dark");
        assertThat(page.selectFirst("meta[name=viewport]")).isNotNull();
    }

    @Test
    void the_sign_in_page_and_a_signed_in_page_link_the_manifest_icons_and_both_theme_colours() throws Exception {
        assertLinksInstallableApp(Jsoup.parse(text(get("/login"))), "/login");

        HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var signIn = signedIn.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(Demo.PATIENT1,
                        StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(Demo.PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.statusCode()).isEqualTo(302);
        var today = signedIn.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/today")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(today.statusCode()).isEqualTo(200);
        assertLinksInstallableApp(Jsoup.parse(today.body()), "/today");
    }

    private static void assertLinksInstallableApp(Document page, String path) {
        assertThat(page.select("link[rel=manifest]").eachAttr("href")).as(path).containsExactly("/manifest.webmanifest");
        assertThat(page.select("link[rel=icon]").eachAttr("href")).as(path)
                .containsExactlyInAnyOrder("/favicon.ico", "/favicon.svg");
        assertThat(page.selectFirst("link[rel=icon][href=/favicon.svg]").attr("type")).isEqualTo("image/svg+xml");
        assertThat(page.select("link[rel=apple-touch-icon]").eachAttr("href")).as(path)
                .containsExactly("/icons/apple-touch-icon.png");
        assertThat(page.selectFirst("meta[name=apple-mobile-web-app-capable]").attr("content")).isEqualTo("yes");
        assertThat(page.selectFirst("meta[name=apple-mobile-web-app-title]").attr("content")).isEqualTo("Physio");

        Map<String, String> themeColours = new LinkedHashMap<>();
        page.select("meta[name=theme-color]").forEach(meta -> themeColours.put(meta.attr("media"), meta.attr("content")));
        assertThat(themeColours).as(path).containsOnly(
                Map.entry("(prefers-color-scheme: light)", Application.THEME_COLOUR_LIGHT),
                Map.entry("(prefers-color-scheme: dark)", Application.THEME_COLOUR_DARK));
        // The colour-scheme script sets them when a scheme was chosen with the toggle, so they come before it.
        List<Element> head = page.head().children();
        int themeScript = indexOf(head, e -> e.is("script") && e.data().contains("physioTheme"));
        int firstThemeColour = indexOf(head, e -> e.is("meta[name=theme-color]"));
        assertThat(firstThemeColour).as(path).isNotNegative().isLessThan(themeScript);

        assertThat(page.select("script").stream().map(Element::data))
                .as(path + " registers the service worker").anySatisfy(script -> assertThat(script)
                        .contains("navigator.serviceWorker.register('/service-worker.js', { scope: '/' })"));
    }

    private static int indexOf(List<Element> elements, Predicate<Element> test) {
        for (int i = 0; i < elements.size(); i++) {
            if (test.test(elements.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Width and height from a PNG's IHDR chunk, after checking the signature. */
    static int[] pngSize(byte[] png) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertThat(Arrays.copyOf(png, 8)).as("PNG signature").isEqualTo(signature);
        assertThat(new String(png, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        ByteBuffer header = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
        return new int[] {header.getInt(16), header.getInt(20)};
    }

    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > 2) {
                return false;
            }
        }
        return true;
    }
}
