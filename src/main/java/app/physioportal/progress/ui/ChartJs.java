package app.physioportal.progress.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import org.springframework.modulith.NamedInterface;

/**
 * A Chart.js chart. The server builds the configuration with chartjs-java-model and hands it over as
 * JSON text in an element property (never formatted into script); {@code frontend/physio-chart.js} draws
 * it, draws afresh on every change and destroys the chart when the element leaves the page.
 */
@Tag("physio-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./physio-chart.js")
@NamedInterface("panels")
public class ChartJs extends Component {

    public ChartJs(String id, String label) {
        setId(id);
        getElement().setAttribute("label", label);
        getElement().getClassList().add("physio-chart");
    }

    /** The Chart.js configuration, e.g. {@code new BarChart()...toJson()}. */
    public void setConfiguration(String chartJson) {
        getElement().setProperty("config", chartJson);
    }

    public String getConfiguration() {
        return getElement().getProperty("config");
    }

    /** Hatched weeks and plan-version lines, as JSON built by {@link ChartOverlay#toJson()}. */
    public void setOverlay(ChartOverlay overlay) {
        getElement().setProperty("overlay", overlay == null ? null : overlay.toJson());
    }

    public String getOverlay() {
        return getElement().getProperty("overlay");
    }
}
