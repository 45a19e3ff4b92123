package app.physioportal.export.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.export.DataExportService;
import app.physioportal.records.FhirExportService;
import app.physioportal.records.ui.FhirDownload;
import app.physioportal.security.CurrentUser;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;

/** A patient's download of everything the portal holds about them, reached from My account. */
@Route("account/data")
@PageTitle("Your data · Physio Portal")
@RolesAllowed("PATIENT")
public class DataDownloadView extends Main {

    public DataDownloadView(CurrentUser currentUser, DataExportService exports, FhirExportService fhir) {
        addClassName("page");
        setId("data-download-view");
        long patientId = currentUser.require().id();
        add(new ViewHeader("Your data", "Everything the portal holds about you, to keep or to take elsewhere."));
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            var export = exports.exportFor(patientId);
            return new DownloadResponse(new ByteArrayInputStream(export.zip()), export.fileName(),
                    "application/zip", export.zip().length);
        }), AttachmentType.DOWNLOAD, "Download all my data (.zip)");
        download.setId("download-my-data");
        download.addClassName("button-link");
        Div data = new Div(new Paragraph("Your profile, plans and their history, exercises you ticked, your cramp "
                + "diary, your appointments, your messages with your physio, the notes your physio shared with you and who at the clinic opened your record. One JSON file with all of it, "
                + "and a spreadsheet (CSV) file for each part."), download);
        data.addClassName("section");
        add(data);
        Div health = new Div(new Paragraph("For another clinic or your GP's system: your plan and its changes, your "
                + "diary night by night and your appointments as a FHIR R4 bundle (JSON), the format health records "
                + "systems exchange."), new FhirDownload(fhir, patientId, "FHIR R4 (JSON)"));
        health.setId("fhir-section");
        health.addClassName("section");
        add(health);
    }
}
