package app.physioportal.progress.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import org.springframework.modulith.NamedInterface;

/**
 * A Chart.js chart. The server builds the configuration with chartjs-java-model; {@code frontend/physio-chart.js}
 * draws it, draws afresh on every change and destroys the chart when the element leaves the page.
 *
 * <p>The configuration (JSON text, never formatted into script) is sent to the element when it is attached, as
 * a call that sets its {@code config} and {@code overlay}, not kept as element properties: a property stays in the
 * session's state tree for as long as the page is open (issue 18; progress's five charts are 3-4 KB of JSON). The
 * chart keeps the way to build its JSON instead (usually from the report its page keeps anyway) and builds it again
 * if it is attached again, e.g. when a tab is opened a second time.
 */
@Tag("physio-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./physio-chart.js")
@NamedInterface("panels")
public class ChartJs extends Component {

    private SerializableSupplier<String> configuration = () -> null;
    private SerializableSupplier<String> overlay = () -> null;

    public ChartJs(String id, String label) {
        setId(id);
        getElement().setAttribute("label", label);
        getElement().getClassList().add("physio-chart");
        addAttachListener(event -> send());
    }

    /** The Chart.js configuration, e.g. {@code new BarChart()...toJson()}. */
    public void setConfiguration(String chartJson) {
        setConfiguration(() -> chartJson);
    }

    /** Builds the configuration when the chart is (again) attached, rather than holding its text. */
    public void setConfiguration(SerializableSupplier<String> chartJson) {
        configuration = chartJson;
        if (isAttached()) {
            send();
        }
    }

    public String getConfiguration() {
        return configuration.get();
    }

    /** Hatched weeks and plan-version lines, as JSON built by {@link ChartOverlay#toJson()}. */
    public void setOverlay(ChartOverlay chartOverlay) {
        overlay = chartOverlay == null ? () -> null : chartOverlay::toJson;
        if (isAttached()) {
            send();
        }
    }

    public String getOverlay() {
        return overlay.get();
    }

    private void send() {
        getElement().executeJs("this.overlay = $1; this.config = $0;", configuration.get(), overlay.get());
    }
}
