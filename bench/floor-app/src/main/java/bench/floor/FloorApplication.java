package bench.floor;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The floor of bench/run pageload: Vaadin with its Lumo theme, as the portal uses it, and nothing else. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
public class FloorApplication implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        // An empty icon: without one the browser asks for /favicon.ico, and the 404 it logs would cost the floor a
        // best-practices point the framework does not owe (the portal ships its icons).
        settings.addLink("icon", "data:,");
    }

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }
}
