package app.physioportal.plan;

import java.time.LocalDate;

/** One night: how many of that night's bedtime stretches were prescribed and done. */
public record NightStretch(LocalDate night, int prescribed, int done) {

    public boolean allDone() {
        return done >= prescribed;
    }
}
