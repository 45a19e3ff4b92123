package app.physioportal.base.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A length limit that never cuts what the person typed or pasted (a browser's maxlength drops the rest of a
 * paste without a word): the field counts as they type and says at the field how much is too much. The form's
 * own validation still refuses to save an over-long text.
 */
public final class TextLimit {

    private static final String OWN_MESSAGE = TextLimit.class.getName() + ".message";

    private TextLimit() {
    }

    public static <F extends AbstractField<?, String> & HasHelper & HasValidation & HasValueChangeMode> void apply(
            F field, int max) {
        field.setValueChangeMode(ValueChangeMode.LAZY);
        show(field, max);
        field.addValueChangeListener(e -> show(field, max));
    }

    /** The message shown at a field holding {@code length} characters where {@code max} are allowed. */
    public static String tooLong(int length, int max) {
        return "This is " + length + " characters long; keep it to " + max + " or fewer. Nothing has been cut or saved.";
    }

    private static <F extends AbstractField<?, String> & HasHelper & HasValidation> void show(F field, int max) {
        int length = field.getValue() == null ? 0 : field.getValue().length();
        field.setHelperText(length + " of " + max + " characters");
        // Only the message this limit set is taken back; a message the form's own validation set stays.
        String shown = (String) ComponentUtil.getData(field, OWN_MESSAGE);
        if (length > max) {
            String message = tooLong(length, max);
            field.setErrorMessage(message);
            field.setInvalid(true);
            ComponentUtil.setData(field, OWN_MESSAGE, message);
        } else if (shown != null && shown.equals(field.getErrorMessage())) {
            field.setInvalid(false);
            field.setErrorMessage(null);
            ComponentUtil.setData(field, OWN_MESSAGE, null);
        }
    }
}
