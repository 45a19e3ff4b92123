package app.physioportal.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.security.ui.AccountView;
import app.physioportal.shell.ui.NotFoundView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class DataDownloadViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void a_patient_goes_from_my_account_to_the_download_of_everything_held_about_them() {
        navigate(AccountView.class);
        Anchor link = find(Anchor.class).id("your-data-link");
        assertThat(link.getHref()).isEqualTo("account/data");

        navigate(link.getHref(), DataDownloadView.class);
        Anchor download = find(Anchor.class).id("download-my-data");
        assertThat(download.getText()).isEqualTo("Download all my data (.zip)");
        assertThat(download.getElement().getAttribute("download")).isNotNull();
        assertThat(download.getHref()).isNotBlank();
        Anchor fhir = find(Anchor.class).id("download-fhir");
        assertThat(fhir.getText()).isEqualTo("FHIR R4 (JSON)");
        assertThat(fhir.getElement().getAttribute("download")).isNotNull();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void staff_have_no_data_download_page_and_no_link_to_one() {
        navigate(AccountView.class);
        assertThat(find(Anchor.class).withId("your-data-link").exists()).isFalse();
        navigate("account/data", NotFoundView.class);
    }
}
