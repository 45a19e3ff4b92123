package app.physioportal.diary;

/** Input the diary refuses, naming the field it belongs to so a screen can show the message there. */
public class DiaryInputException extends RuntimeException {

    private final String field;

    public DiaryInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The record component the message belongs to, e.g. {@code occurredAt} or {@code night}. */
    public String field() {
        return field;
    }
}
