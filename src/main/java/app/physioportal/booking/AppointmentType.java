package app.physioportal.booking;

public enum AppointmentType {
    IN_CLINIC("In clinic"),
    VIDEO("Video call");

    private final String label;

    AppointmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
