package app.physioportal.diary.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Big tappable chips, one of which may be chosen; tapping the chosen one again clears it. Works with a
 * Binder like any field, so a message can be shown at it. Each chip's id is {@code <prefix>-<item>}.
 */
class ChipGroup<T> extends CustomField<T> {

    private final Map<T, Button> chips = new LinkedHashMap<>();
    private T selected;

    ChipGroup(String label, String idPrefix, List<T> items, Function<T, String> caption) {
        addClassName("tap-field");
        setLabel(label);
        setId(idPrefix);
        Div row = new Div();
        row.addClassName("chip-row");
        for (T item : items) {
            Button chip = chip(caption.apply(item), idPrefix + "-" + idOf(item));
            chip.addClickListener(e -> choose(Objects.equals(selected, item) ? null : item));
            chips.put(item, chip);
            row.add(chip);
        }
        add(row);
    }

    Div rowOfChips() {
        return (Div) chips.values().iterator().next().getParent().orElseThrow();
    }

    private void choose(T item) {
        selected = item;
        paint();
        updateValue();
    }

    @Override
    protected T generateModelValue() {
        return selected;
    }

    @Override
    protected void setPresentationValue(T value) {
        selected = value;
        paint();
    }

    private void paint() {
        chips.forEach((item, chip) -> pressed(chip, Objects.equals(item, selected)));
    }

    static Button chip(String text, String id) {
        Button chip = new Button(text);
        chip.setId(id);
        chip.addClassName("chip");
        chip.getElement().setAttribute("aria-pressed", "false");
        return chip;
    }

    static void pressed(Button chip, boolean on) {
        chip.getElement().setAttribute("aria-pressed", String.valueOf(on));
        if (on) {
            chip.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            chip.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    static String idOf(Object item) {
        return item instanceof Enum<?> e ? e.name() : String.valueOf(item);
    }
}
