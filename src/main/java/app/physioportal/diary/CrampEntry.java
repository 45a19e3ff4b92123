package app.physioportal.diary;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** One cramp as the patient logged it. The night it belongs to is fixed when it is written. */
@Entity
@Table(name = "cramp_entry")
class CrampEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private long patientId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "night_date", nullable = false)
    private LocalDate nightDate;

    @Column(nullable = false)
    private int intensity;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, columnDefinition = "varchar(16)")
    private CrampDuration duration;

    @Column(name = "duration_minutes")
    private Integer durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, columnDefinition = "varchar(20)")
    private CrampLocation location;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, columnDefinition = "varchar(8)")
    private Side side;

    @Column(name = "woke_from_sleep", nullable = false)
    private boolean wokeFromSleep;

    @Convert(converter = EnumSetConverters.Triggers.class)
    @Column(nullable = false, length = 200)
    private Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);

    @Convert(converter = EnumSetConverters.Reliefs.class)
    @Column(nullable = false, length = 200)
    private Set<Relief> relief = EnumSet.noneOf(Relief.class);

    @Column(length = 500)
    private String note;

    /** The helper who logged it for the patient; null when the patient logged it themself. */
    @Column(name = "logged_by")
    private Long loggedBy;

    /** The key of the form that saved it (a UUID), so a save sent again finds it instead of adding a second. */
    @Column(name = "save_key", length = 36)
    private String saveKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CrampEntry() {
    }

    CrampEntry(long patientId, CrampInput input, LocalDate nightDate, Instant now) {
        this.patientId = patientId;
        this.createdAt = now;
        apply(input, nightDate, now);
    }

    void apply(CrampInput input, LocalDate nightDate, Instant now) {
        this.occurredAt = input.occurredAt();
        this.nightDate = nightDate;
        this.intensity = input.intensity();
        this.duration = input.duration();
        this.durationMinutes = input.minutes();
        this.location = input.location();
        this.side = input.side();
        this.wokeFromSleep = input.wokeFromSleep();
        this.triggers = input.triggers().isEmpty() ? EnumSet.noneOf(Trigger.class) : EnumSet.copyOf(input.triggers());
        this.relief = input.relief().isEmpty() ? EnumSet.noneOf(Relief.class) : EnumSet.copyOf(input.relief());
        this.note = input.note();
        this.updatedAt = now;
    }

    CrampRecord toRecord() {
        return new CrampRecord(id, patientId, occurredAt, nightDate, intensity, duration, durationMinutes, location,
                side, wokeFromSleep, Set.copyOf(triggers), Set.copyOf(relief), note, null);
    }

    /** This entry as it would be with the input applied: to tell whether a save sent again changes anything. */
    CrampRecord withInput(CrampInput input, LocalDate night) {
        return new CrampRecord(id, patientId, input.occurredAt(), night, input.intensity(), input.duration(),
                input.minutes(), input.location(), input.side(), input.wokeFromSleep(), input.triggers(),
                input.relief(), input.note(), null);
    }

    void savedUnder(String key) {
        this.saveKey = key;
    }

    void loggedBy(Long helperId) {
        this.loggedBy = helperId;
    }

    Long getLoggedBy() {
        return loggedBy;
    }

    Long getId() {
        return id;
    }

    LocalDate getNightDate() {
        return nightDate;
    }
}
