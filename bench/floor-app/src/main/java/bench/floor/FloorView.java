package bench.floor;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** The one view: a heading and a paragraph, no web component, no data. */
@Route("")
@PageTitle("Vaadin floor")
public class FloorView extends Main {

    public FloorView() {
        add(new H1("One view"), new Paragraph("A heading and a paragraph: what any Vaadin page loads before its own parts."));
    }
}
