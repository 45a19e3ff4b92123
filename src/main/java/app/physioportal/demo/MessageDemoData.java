package app.physioportal.demo;

import app.physioportal.messages.About;
import app.physioportal.messages.MessageService;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.springframework.stereotype.Component;

/**
 * Conversations that fit the demo stories: Robert Hughes, who does not stretch, asks why nothing changes and
 * later waits for an answer longer than the clinic promises; Susan Clarke asks her physio about her statin;
 * Margaret Ellis has an encouraging word from Priya she has not opened yet.
 */
@Component
class MessageDemoData {

    private final MessageService messages;
    private final SystemTasks systemTasks;
    private final Clock clock;

    MessageDemoData(MessageService messages, SystemTasks systemTasks, Clock clock) {
        this.messages = messages;
        this.systemTasks = systemTasks;
        this.clock = clock;
    }

    void seed(LocalDate today, long margaret, long robert, long susan) {
        Instant now = clock.instant();
        LocalDate lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        LocalDate nightBefore = today.minusDays(4);

        as("patient3@example.org", () -> messages.recordDemoMessage(robert,
                "I've been doing this for weeks and nothing changes. Still two or three cramps most nights. "
                        + "Is it worth carrying on?", About.week(lastMonday.minusWeeks(1)), ago(now, 214),
                ago(now, 200)));
        as("physio1@example.org", () -> messages.recordDemoMessage(robert,
                "Thanks for asking, Robert. Your diary shows the bedtime stretches unticked on most nights. In the "
                        + "trial the stretch helped when it was done every night before bed. Could you try two weeks "
                        + "of ticking it each night? Then we look at the chart together.",
                null, ago(now, 198), ago(now, 180)));
        as("patient3@example.org", () -> messages.recordDemoMessage(robert,
                "I keep forgetting at bedtime. Is doing it in the morning just as good? This night was bad again.",
                About.night(nightBefore), ago(now, 70), null));

        as("patient6@example.org", () -> messages.recordDemoMessage(susan,
                "My GP started me on atorvastatin last month. Could that be why the cramps came back? "
                        + "Should I stop it?", null, ago(now, 20), null));

        as("physio1@example.org", () -> messages.recordDemoMessage(margaret,
                "Good to see your diary so well kept last week, Margaret. Keep the calf stretch as it is; we will "
                        + "talk about adding a strengthening exercise at your next visit.",
                About.week(lastMonday), ago(now, 50), null));
    }

    private static Instant ago(Instant now, int hours) {
        return now.minus(Duration.ofHours(hours));
    }

    private long as(String email, java.util.function.LongSupplier work) {
        long[] id = new long[1];
        systemTasks.runAsAccount(email, () -> id[0] = work.getAsLong());
        return id[0];
    }
}
