package app.physioportal.plan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.base.ui.ComingSoon;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class TodayViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void greets_the_patient_by_first_name_and_says_plainly_what_is_still_to_come() {
        navigate(TodayView.class);
        assertThat(find(H2.class).first().getText()).endsWith(", Margaret");
        assertThat(find(ComingSoon.class).all()).hasSize(2);
    }

    @Test
    void greeting_follows_the_clinic_clock() {
        assertThat(TodayView.greeting(2)).isEqualTo("Good evening");
        assertThat(TodayView.greeting(7)).isEqualTo("Good morning");
        assertThat(TodayView.greeting(13)).isEqualTo("Good afternoon");
        assertThat(TodayView.greeting(21)).isEqualTo("Good evening");
    }
}
