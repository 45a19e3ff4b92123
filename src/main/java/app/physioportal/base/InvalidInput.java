package app.physioportal.base;

/**
 * A service's refusal of what was typed, belonging to one field of the form, with the words to show there.
 * The one way services say "this input is wrong"; forms show it at the field (FormErrors) and save nothing.
 */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
