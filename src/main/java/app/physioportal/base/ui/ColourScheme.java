package app.physioportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;

/** The remembered colour-scheme choice, kept in the browser (localStorage) by the inline theme script. */
public enum ColourScheme {
    AUTO("auto", "Follow device", VaadinIcon.ADJUST),
    LIGHT("light", "Light", VaadinIcon.SUN_O),
    DARK("dark", "Dark", VaadinIcon.MOON_O);

    private final String key;
    private final String label;
    private final VaadinIcon icon;

    ColourScheme(String key, String label, VaadinIcon icon) {
        this.key = key;
        this.label = label;
        this.icon = icon;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public VaadinIcon icon() {
        return icon;
    }

    public ColourScheme next() {
        return values()[(ordinal() + 1) % values().length];
    }

    public static ColourScheme of(String key) {
        for (ColourScheme scheme : values()) {
            if (scheme.key.equals(key)) {
                return scheme;
            }
        }
        return AUTO;
    }

    /** Remembers and applies the choice in the browser. */
    public void apply(UI ui) {
        ui.getPage().executeJs("window.physioTheme && window.physioTheme.set($0)", key);
    }

    /** Asks the browser which scheme is remembered. */
    public static void read(UI ui, Consumer<ColourScheme> then) {
        ui.getPage().executeJs("return window.physioTheme ? window.physioTheme.get() : 'auto'")
                .then(String.class, key -> then.accept(of(key)));
    }
}
