package app.physioportal.records.ui;

import app.physioportal.records.FhirExportService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.modulith.NamedInterface;

/**
 * A link that downloads the patient's FHIR R4 bundle (JSON). The bundle is built and audited when the link is
 * followed, not when the page is drawn; the service refuses anyone but the patient and their physio.
 */
@NamedInterface("panels")
public class FhirDownload extends Anchor {

    public FhirDownload(FhirExportService fhir, long patientId, String label) {
        super(DownloadHandler.fromInputStream(event -> {
            var export = fhir.export(patientId);
            byte[] json = export.json().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(json), export.fileName(), "application/fhir+json",
                    json.length);
        }), AttachmentType.DOWNLOAD, label);
        setId("download-fhir");
        addClassName("button-link");
    }
}
