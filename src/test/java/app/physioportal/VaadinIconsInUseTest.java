package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundle holds only the Vaadin icons listed in frontend/vaadin-icons-in-use.js (vite.config.ts drops the rest,
 * issue 23), so an icon the Java code names but the list lacks would show as nothing. Names come from the sources:
 * VaadinIcon.SIGN_OUT is "sign-out" (as Vaadin's Icon spells it), and "vaadin:notebook" in a @Menu is "notebook".
 */
class VaadinIconsInUseTest {

    private static final Pattern ENUM = Pattern.compile("VaadinIcon\\.([A-Z0-9_]+)");
    private static final Pattern NAME = Pattern.compile("\"vaadin:([a-z0-9-]+)\"");
    private static final Pattern LISTED = Pattern.compile("'([a-z0-9-]+)'");

    @Test
    void every_icon_the_code_names_is_in_the_bundle() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> {
                String code = read(path);
                Matcher icon = ENUM.matcher(code);
                while (icon.find()) {
                    named.add(icon.group(1).toLowerCase(Locale.ENGLISH).replace('_', '-'));
                }
                Matcher name = NAME.matcher(code);
                while (name.find()) {
                    named.add(name.group(1));
                }
            });
        }
        Set<String> listed = new TreeSet<>();
        Matcher entry = LISTED.matcher(read(Path.of("frontend/vaadin-icons-in-use.js")));
        while (entry.find()) {
            listed.add(entry.group(1));
        }
        assertThat(named).as("icons named in src/main/java").isNotEmpty();
        assertThat(listed)
                .as("frontend/vaadin-icons-in-use.js (add an icon there and rebuild the bundles)")
                .containsAll(named);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
