package app.physioportal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.Icon;

/** A small navbar button that cycles follow device → light → dark; its name says what is chosen. */
public class ColourSchemeButton extends Button {

    private ColourScheme scheme = ColourScheme.AUTO;

    public ColourSchemeButton() {
        setId("colour-scheme-toggle");
        addClassName("colour-scheme-toggle");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        show(ColourScheme.AUTO);
        addClickListener(e -> {
            ColourScheme chosen = scheme.next();
            getUI().ifPresent(chosen::apply);
            show(chosen);
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        ColourScheme.read(attachEvent.getUI(), this::show);
    }

    private void show(ColourScheme shown) {
        scheme = shown;
        setIcon(new Icon(shown.icon()));
        String name = "Colours: " + shown.label().toLowerCase(java.util.Locale.ROOT) + " (tap to change)";
        setAriaLabel(name);
        setTooltipText(name);
        getElement().setAttribute("data-scheme", shown.key());
    }
}
