package app.physioportal.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Dates and times as the clinic writes them (day first for en-GB), whatever the browser's language. */
@Component
class ClinicLocale implements VaadinServiceInitListener {

    private final Locale locale;

    ClinicLocale(@Value("${app.clinic.locale:en-GB}") String languageTag) {
        this.locale = Locale.forLanguageTag(languageTag);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(locale));
    }
}
