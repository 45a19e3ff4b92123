package app.physioportal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {

    /** One clock for the whole portal, so tests can pin "now". */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
