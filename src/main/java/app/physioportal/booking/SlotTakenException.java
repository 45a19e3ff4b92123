package app.physioportal.booking;

import java.sql.SQLException;
import java.util.Locale;

/** Someone else booked the time between showing it and booking it (the database's unique key said no). */
public class SlotTakenException extends BookingException {

    /** MariaDB's "Duplicate entry" and H2's "Unique index or primary key violation". */
    private static final int MARIADB_DUPLICATE_KEY = 1062;
    private static final String H2_DUPLICATE_KEY_STATE = "23505";
    private static final String SLOT_KEY = "uk_appointment_slot";

    public SlotTakenException() {
        super("That time was just taken. Please pick another.");
    }

    /**
     * Whether a failed save was refused by the unique key on (physio, live start) and by nothing else: only then
     * is the time taken. Any other integrity error is a fault and is reported as one.
     */
    static boolean isSlotKeyViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == MARIADB_DUPLICATE_KEY || H2_DUPLICATE_KEY_STATE.equals(sql.getSQLState()))
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(SLOT_KEY)) {
                return true;
            }
        }
        return false;
    }
}
