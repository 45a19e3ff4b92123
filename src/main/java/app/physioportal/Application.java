package app.physioportal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.server.AppShellSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class Application implements AppShellConfigurator {

    /** The browser bar's colour: the header blue in the light scheme, the dark page colour in the dark one. */
    public static final String THEME_COLOUR_LIGHT = "#1a5276";
    public static final String THEME_COLOUR_DARK = "#16202c";

    /** The colour-scheme script runs inline in the head, before first paint, so a dark phone never flashes white. */
    private static final String THEME_SCRIPT = readScript("theme.js");

    /**
     * Registers /service-worker.js, which shows offline.html when there is no network and makes the portal
     * installable. Not named sw.js: in development Vaadin answers /sw.js with its own Workbox worker from its
     * default development bundle, ahead of our file.
     */
    private static final String SERVICE_WORKER_SCRIPT = readScript("service-worker-registration.js");

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addInlineWithContents(Inline.Position.PREPEND, THEME_SCRIPT, Inline.Wrapping.JAVASCRIPT);
        // One theme-color per scheme, so the bar is right before any script runs (and without script). Prepended
        // after the theme script, so they come before it in the page and it finds them: when the person chose a
        // scheme with the toggle, it sets both to that scheme's colour.
        settings.addInlineWithContents(Inline.Position.PREPEND,
                "<meta name=\"theme-color\" media=\"(prefers-color-scheme: light)\" content=\"" + THEME_COLOUR_LIGHT
                        + "\"/><meta name=\"theme-color\" media=\"(prefers-color-scheme: dark)\" content=\""
                        + THEME_COLOUR_DARK + "\"/>",
                Inline.Wrapping.NONE);

        // Installable: the manifest names the app, its start page and its icons (all readable signed out).
        settings.addLink("manifest", "/manifest.webmanifest");
        settings.addFavIcon("icon", "/favicon.ico", "16x16 32x32 48x48");
        settings.addLink("/favicon.svg", Map.of("rel", "icon", "type", "image/svg+xml"));
        settings.addFavIcon("apple-touch-icon", "/icons/apple-touch-icon.png", "180x180");
        // Added to an iPhone's home screen, it opens without Safari's bars, under the short name.
        settings.addMetaTag("mobile-web-app-capable", "yes");
        settings.addMetaTag("apple-mobile-web-app-capable", "yes");
        settings.addMetaTag("apple-mobile-web-app-title", "Physio");
        settings.addMetaTag("apple-mobile-web-app-status-bar-style", "default");
        settings.addInlineWithContents(Inline.Position.APPEND, SERVICE_WORKER_SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }

    private static String readScript(String name) {
        try (InputStream in = Application.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("app/physioportal/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
