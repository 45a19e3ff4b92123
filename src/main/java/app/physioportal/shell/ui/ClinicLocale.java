package app.physioportal.shell.ui;

import app.physioportal.clinic.Clinic;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates and times as the clinic writes them (day first for en-GB), whatever the browser's language. */
@Component
class ClinicLocale implements VaadinServiceInitListener {

    private final Locale locale;

    ClinicLocale(Clinic clinic) {
        this.locale = clinic.locale();
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(locale));
    }
}
