package app.physioportal.booking;

/** Someone else booked the time between showing it and booking it (the database's unique key said no). */
public class SlotTakenException extends BookingException {

    public SlotTakenException() {
        super("That time was just taken. Please pick another.");
    }
}
