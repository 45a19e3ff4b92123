package app.physioportal.base.ui;

import app.physioportal.base.InvalidInput;
import com.vaadin.flow.component.HasValidation;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;

/** Puts a service's refusal of a form at the field it concerns, so the person sees where and why. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /** Shows each violation at its field; returns false when some violation has no field to show it on. */
    public static boolean show(ConstraintViolationException problems, Map<String, ? extends HasValidation> fields) {
        boolean allShown = true;
        for (var violation : problems.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            allShown &= show(field, violation.getMessage(), fields);
        }
        return allShown;
    }

    /** Shows a service's refusal at its field; returns false when the form has no such field. */
    public static boolean show(InvalidInput problem, Map<String, ? extends HasValidation> fields) {
        return show(problem.field(), problem.getMessage(), fields);
    }

    public static boolean show(String field, String message, Map<String, ? extends HasValidation> fields) {
        HasValidation target = fields.get(field);
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }
}
