package app.physioportal.progress.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * What {@link ChartJs} draws over a weekly chart: category indexes to hatch (too few recorded nights) and
 * dashed vertical lines at fractional category positions (a plan version starting mid-week).
 */
@NamedInterface("panels")
public record ChartOverlay(List<Integer> gaps, List<Marker> markers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Marker(double position, String label) {
    }

    public ChartOverlay {
        gaps = List.copyOf(gaps);
        markers = List.copyOf(markers);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(Map.of("gaps", gaps, "markers", markers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
