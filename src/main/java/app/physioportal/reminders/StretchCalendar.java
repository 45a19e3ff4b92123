package app.physioportal.reminders;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A calendar file (RFC 5545) that puts a nightly stretch into the patient's own calendar: one event at a local
 * time, repeating every day, with a reminder before it.
 *
 * <p>The start is written in the patient's time zone (DTSTART;TZID=Europe/London) together with that zone's
 * VTIMEZONE, so the event stays at 22:00 on the wall clock when the clocks change, instead of drifting by an hour
 * as a UTC time would. The VTIMEZONE comes from the definitions bundled in ical4j's jar: nothing is downloaded
 * (ical4j's updater stays off, see ical4j.properties), and no observance is built by hand. That is why ical4j
 * rather than biweekly: biweekly either downloads a VTIMEZONE or needs one assembled from java.time's ZoneRules.
 */
public final class StretchCalendar {

    private static final Duration LENGTH = Duration.ofMinutes(15);
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final int MAX_OCTETS = 75;

    private StretchCalendar() {
    }

    /**
     * The calendar text (METHOD:PUBLISH, CRLF line endings, lines folded at 75 octets).
     *
     * @param uid stays the same for one patient's reminder, so importing a newer file updates that event
     * @param now the time the file is made (DTSTAMP)
     * @param firstNight the first evening of the series
     * @param at local wall-clock time in {@code zone}, every night
     * @param zone a region such as Europe/London (not a fixed offset)
     * @param alarmMinutesBefore how long before the start the reminder shows; 0 shows it at the start
     * @param summary the event's title
     * @param description plain text; may contain newlines
     * @param url where the patient's programme is (absolute)
     */
    public static String nightly(String uid, Instant now, LocalDate firstNight, LocalTime at, ZoneId zone,
            int alarmMinutesBefore, String summary, String description, String url) {
        if (alarmMinutesBefore < 0) {
            throw new IllegalArgumentException("alarmMinutesBefore must not be negative: " + alarmMinutesBefore);
        }
        TimeZone timeZone = ZONES.getTimeZone(zone.getId());
        if (timeZone == null) {
            throw new IllegalArgumentException("No time-zone definition for " + zone.getId());
        }
        VTimeZone definition = timeZone.getVTimeZone();
        // The TZID on DTSTART must name the VTIMEZONE written below, also when zone was given by an alias.
        ZonedDateTime start = ZonedDateTime.of(firstNight, at.truncatedTo(ChronoUnit.SECONDS),
                ZoneId.of(definition.getTimeZoneId().getValue()));
        VTimeZone vTimeZone = from(definition, start);

        VAlarm alarm = new VAlarm(Duration.ofMinutes(-alarmMinutesBefore));
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(summary));

        VEvent event = new VEvent(false);
        event.add(new Uid(uid));
        event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(start));
        event.add(new net.fortuna.ical4j.model.property.Duration(LENGTH));
        // No COUNT or UNTIL: the reminder runs until the patient deletes it from their calendar.
        event.add(new RRule<ZonedDateTime>(Frequency.DAILY));
        event.add(new Summary(summary));
        event.add(new Description(description));
        event.add(new Url(URI.create(url)));
        // A reminder, not a meeting: it does not make the patient look busy to anyone inviting them.
        event.add(ImmutableTransp.TRANSPARENT);
        event.add(alarm);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Physio Portal//Nightly stretch reminder//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(vTimeZone);
        calendar.add(event);
        return fold(calendar.toString());
    }

    /**
     * The observances in force from {@code start} on: the one that applies then and every one with a change still to
     * come (for Europe/London the BST rule of 1981 and the GMT rule of 1996). The bundled definition carries the zone's
     * whole history since 1847, over 30 observances and about 7 KB, and ical4j writes its first one wrongly (the
     * offset of -00:01:15 comes out as +000115); a series that starts now needs none of that.
     */
    private static VTimeZone from(VTimeZone definition, ZonedDateTime start) {
        Observance current = definition.getApplicableObservance(start);
        ZonedDateTime distantFuture = start.plusYears(100);
        List<Observance> kept = new ArrayList<>();
        for (Observance observance : definition.getObservances()) {
            OffsetDateTime lastChange = observance.getLatestOnset(distantFuture);
            if (observance == current || lastChange != null && lastChange.toInstant().isAfter(start.toInstant())) {
                kept.add((Observance) observance.copy());
            }
        }
        return new VTimeZone(new PropertyList(List.<Property>of(definition.getRequiredProperty(Property.TZID))),
                new ComponentList<>(kept));
    }

    /**
     * ical4j's own folding counts UTF-16 characters, so a line of "×" or "é" could run to well over 75 octets; this
     * folds the library's unfolded CRLF lines at 75 octets of UTF-8 instead, never inside a character.
     */
    private static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
