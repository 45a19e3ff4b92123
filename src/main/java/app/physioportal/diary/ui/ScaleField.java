package app.physioportal.diary.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.stream.IntStream;

/** A 0-10 scale as eleven big buttons, with words at both ends (the numeric rating scale). */
class ScaleField extends ChipGroup<Integer> {

    ScaleField(String label, String idPrefix, String lowWords, String highWords) {
        super(label, idPrefix, IntStream.rangeClosed(0, 10).boxed().toList(), String::valueOf);
        addClassName("scale-field");
        rowOfChips().addClassName("scale-row");
        Span low = new Span("0 = " + lowWords);
        Span high = new Span("10 = " + highWords);
        Div words = new Div(low, high);
        words.addClassName("scale-words");
        add(words);
    }
}
