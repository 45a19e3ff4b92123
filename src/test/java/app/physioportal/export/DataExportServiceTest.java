package app.physioportal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.security.SystemTasks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@PortalTest
class DataExportServiceTest {

    @Autowired
    DataExportService exports;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void a_patient_downloads_everything_about_them_and_the_export_is_audited() throws IOException {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PATIENT1, "DATA_EXPORTED", patient1);
        AtomicReference<DataExportService.Export> export = new AtomicReference<>();
        systemTasks.runAsAccount(Demo.PATIENT1, () -> export.set(exports.exportFor(patient1)));

        Map<String, String> files = unzip(export.get().zip());

        assertThat(files).containsKeys("everything.json", "profile.csv", "plan_versions.csv", "plan_items.csv",
                "exercises_done.csv", "diary_nights.csv", "cramps.csv", "notes_shared_with_you.csv", "appointments.csv",
                "who_opened_your_record.csv");
        assertThat(files.get("who_opened_your_record.csv")).startsWith("when,who,role,what")
                .contains(",physio,opened ");
        assertThat(files.get("appointments.csv")).contains("ATTENDED").contains("Priya Shah");
        assertThat(files.get("everything.json")).contains("\"displayName\" : \"Margaret Ellis\"")
                .contains("planVersions").contains("diaryNights").contains("exercisesDone");
        assertThat(files.get("profile.csv")).contains("Margaret Ellis,patient1@example.org");
        assertThat(files.get("cramps.csv").lines().count()).as("ten weeks of cramps").isGreaterThan(50);
        assertThat(files.get("diary_nights.csv")).contains("CRAMP_FREE");
        assertThat(files.get("exercises_done.csv").lines().count()).isGreaterThan(30);
        assertThat(files.get("plan_items.csv")).contains("calf");
        // The conversation with the physio (the demo clinic's word from Priya), with what it was about.
        assertThat(files.get("messages.csv")).startsWith("sent,from,about,message,read_by_other_side,withdrawn")
                .contains("Priya Shah").contains("week:").contains("Keep the calf stretch as it is");
        assertThat(files.get("everything.json")).contains("\"messages\"");
        assertThat(export.get().fileName()).matches("physio-portal-export-\\d{4}-\\d{2}-\\d{2}\\.zip");
        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "DATA_EXPORTED", patient1)).isEqualTo(before + 1);
    }

    @Test
    void nobody_else_may_export_a_patients_data_not_even_their_physio() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        systemTasks.runAsAccount(Demo.PHYSIO1, () ->
                assertThatThrownBy(() -> exports.exportFor(patient1)).isInstanceOf(AccessDeniedException.class));
        systemTasks.runAsAccount(Demo.PATIENT2, () ->
                assertThatThrownBy(() -> exports.exportFor(patient1)).isInstanceOf(AccessDeniedException.class));
        systemTasks.runAsAccount(Demo.ADMIN, () ->
                assertThatThrownBy(() -> exports.exportFor(patient1)).isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void csv_cells_are_quoted_and_formulas_defused() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(Csv.cell("-3")).isEqualTo("-3");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
