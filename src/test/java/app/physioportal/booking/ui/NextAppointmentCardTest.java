package app.physioportal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.booking.BookingService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class NextAppointmentCardTest {

    @Autowired
    BookingService booking;

    @Autowired
    app.physioportal.clinic.Clinic clinic;

    @Autowired
    DemoIds ids;

    private static String text(NextAppointmentCard card, String id) {
        return card.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst()
                .map(c -> c instanceof Span span ? span.getText() : ((Anchor) c).getText()).orElseThrow();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void shows_the_demo_patients_next_follow_up_and_links_to_the_booking_page() {
        NextAppointmentCard card = new NextAppointmentCard(booking, clinic, ids.idOf(Demo.PATIENT1));
        var next = booking.nextAppointment(ids.idOf(Demo.PATIENT1)).orElseThrow();
        assertThat(text(card, "next-appointment-when")).isEqualTo(BookingFormats.when(next, clinic));
        assertThat(text(card, "next-appointment-link")).isEqualTo("See or change appointments");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void cannot_show_another_patients_appointment() {
        assertThatThrownBy(() -> new NextAppointmentCard(booking, clinic, ids.idOf(Demo.PATIENT2)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
