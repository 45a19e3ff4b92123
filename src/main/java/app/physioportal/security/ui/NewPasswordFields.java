package app.physioportal.security.ui;

import app.physioportal.base.InvalidInput;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Optional;

/**
 * A new password typed twice, for the pages opened from an invitation or a reset link. The two must match here; the
 * portal's password policy is the service's to apply, and its refusal is shown at the first field.
 */
final class NewPasswordFields extends FormLayout {

    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");

    NewPasswordFields() {
        password.setId("new-password");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setHelperText("At least 12 characters. A few unrelated words make a strong, memorable passphrase.");
        password.setRequiredIndicatorVisible(true);
        repeat.setId("repeat-password");
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setRequiredIndicatorVisible(true);
        // This form says what is wrong, at the field, when the button is pressed.
        password.setManualValidation(true);
        repeat.setManualValidation(true);
        add(password, repeat);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /** The password, if it was typed twice the same; otherwise says what is wrong at the field. */
    Optional<String> value() {
        clear(password);
        clear(repeat);
        if (password.getValue().isEmpty()) {
            return problem(password, "Choose a password");
        }
        if (!repeat.getValue().equals(password.getValue())) {
            return problem(repeat, "The two passwords differ");
        }
        return Optional.of(password.getValue());
    }

    /** The service refused the password (too short, too common): say why at the field. */
    void show(InvalidInput refusal) {
        problem(password, refusal.getMessage());
    }

    private static Optional<String> problem(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return Optional.empty();
    }

    private static void clear(PasswordField field) {
        field.setInvalid(false);
        field.setErrorMessage(null);
    }
}
