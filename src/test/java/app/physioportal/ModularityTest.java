package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every top-level package is an application module: modules use only what another module publishes (its top
 * level, or a named interface such as a feature's panels) and form no cycles, with no exemption. The module
 * diagram and canvases are written to target/spring-modulith-docs on every run.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modules_use_only_what_others_publish_and_form_no_cycles() {
        MODULES.verify();
    }

    @Test
    void the_composing_pages_and_the_shell_are_modules_of_their_own() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("today", "caseload", "shell", "base", "security", "plan", "diary", "booking");
    }

    /**
     * Documenter writes the PlantUML diagram and a canvas per module; the README carries the same dependencies as
     * a Mermaid diagram, which this test keeps current (it prints the block to paste when they differ).
     */
    @Test
    void the_module_diagram_is_written_and_the_readme_shows_the_current_one() throws Exception {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        Path components = Path.of("target", "spring-modulith-docs", "components.puml");
        assertThat(components).exists();

        Pattern relation = Pattern.compile("^Rel\\(Application\\.Application\\.(\\w+), Application\\.Application\\.(\\w+),");
        Set<String> edges = new TreeSet<>();
        for (String line : Files.readAllLines(components)) {
            Matcher m = relation.matcher(line);
            if (m.find()) {
                edges.add("  " + m.group(1).toLowerCase() + " --> " + m.group(2).toLowerCase());
            }
        }
        String mermaid = "```mermaid\nflowchart LR\n" + String.join("\n", edges) + "\n```";
        Files.writeString(Path.of("target", "spring-modulith-docs", "modules.mmd"), mermaid);
        assertThat(edges).isNotEmpty();
        assertThat(Files.readString(Path.of("README.md"))).as("README's module diagram; current one:%n%s", mermaid)
                .contains(mermaid);
    }
}
