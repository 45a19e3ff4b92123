package app.physioportal.diary.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Chips of which any number may be chosen (suspected triggers, what helped). */
class ChipSet<T> extends CustomField<Set<T>> {

    private final Map<T, Button> chips = new LinkedHashMap<>();
    private final Set<T> selected = new LinkedHashSet<>();

    ChipSet(String label, String idPrefix, List<T> items, Function<T, String> caption) {
        addClassName("tap-field");
        setLabel(label);
        setId(idPrefix);
        Div row = new Div();
        row.addClassName("chip-row");
        for (T item : items) {
            Button chip = ChipGroup.chip(caption.apply(item), idPrefix + "-" + ChipGroup.idOf(item));
            chip.addClickListener(e -> {
                if (!selected.remove(item)) {
                    selected.add(item);
                }
                paint();
                updateValue();
            });
            chips.put(item, chip);
            row.add(chip);
        }
        add(row);
    }

    @Override
    protected Set<T> generateModelValue() {
        return Set.copyOf(selected);
    }

    @Override
    protected void setPresentationValue(Set<T> value) {
        selected.clear();
        if (value != null) {
            selected.addAll(value);
        }
        paint();
    }

    @Override
    public Set<T> getEmptyValue() {
        return Set.of();
    }

    private void paint() {
        chips.forEach((item, chip) -> ChipGroup.pressed(chip, selected.contains(item)));
    }
}
