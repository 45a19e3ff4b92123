package app.physioportal.booking;

/** A booking request the clinic's rules refuse; the message is written for the person who asked. */
public class BookingException extends RuntimeException {

    public BookingException(String message) {
        super(message);
    }
}
