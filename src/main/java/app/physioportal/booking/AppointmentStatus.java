package app.physioportal.booking;

public enum AppointmentStatus {
    BOOKED("Booked"),
    CANCELLED("Cancelled"),
    ATTENDED("Attended"),
    NO_SHOW("Did not attend");

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
