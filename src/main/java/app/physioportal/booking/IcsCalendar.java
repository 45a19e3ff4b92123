package app.physioportal.booking;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An iCalendar (RFC 5545) invitation for one appointment, written with ical4j (which escapes the text and quotes the
 * names). The UID stays the same for the life of the appointment and SEQUENCE rises with each change, so a calendar
 * updates or removes the one event it already has instead of adding another. Times are UTC (no VTIMEZONE needed),
 * lines end in CRLF and are folded at 75 octets.
 */
final class IcsCalendar {

    static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private IcsCalendar() {
    }

    static String uid(long appointmentId) {
        return "appointment-" + appointmentId + "@physio-portal";
    }

    static String of(AppointmentChanged change, Instant now, String location) {
        boolean cancel = change.kind() == AppointmentChanged.Kind.CANCELLED;
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(change.appointmentId())));
        event.add(new Sequence(change.sequence()));
        event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(change.start().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtEnd<>(change.end().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Summary("Physio follow-up with " + change.physioName()));
        event.add(new Description(change.type().label() + " appointment with " + change.physioName() + " for "
                + change.patientName() + ".\nTo change or cancel it, use Physio Portal or call the clinic."));
        event.add(new Location(change.type() == AppointmentType.VIDEO ? "Video call (link sent by your physio)"
                : location));
        event.add(new Organizer(new ParameterList(List.<Parameter>of(new Cn(change.physioName()))),
                mailto(change.physioEmail())));
        event.add(new Attendee(new ParameterList(List.<Parameter>of(new Cn(change.patientName()), Role.REQ_PARTICIPANT)),
                mailto(change.patientEmail())));
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Physio Portal//Follow-up booking//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return fold(calendar.toString());
    }

    private static URI mailto(String email) {
        try {
            // The three-part constructor quotes whatever an address may hold that a URI may not.
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an email address: " + email, e);
        }
    }

    /**
     * Folds the library's unfolded CRLF lines so that none is longer than 75 octets of UTF-8, never inside a
     * character. ical4j's own folding counts UTF-16 characters, so a line of accented names could run to well over
     * 75 octets.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split(CRLF)) {
            int octets = 0;
            for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
            }
            out.append(CRLF);
        }
        return out.toString();
    }
}
