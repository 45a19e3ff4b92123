package app.physioportal.base.ui;

import com.vaadin.flow.component.html.Div;

/**
 * On every page while the demo clinic is loaded: its people are made up and its passwords published, so nobody
 * mistakes it for a real clinic's portal or types real health data into it.
 */
public final class DemoBanner {

    private DemoBanner() {
    }

    public static Div create() {
        Div banner = new Div("Demo clinic: made-up people, published passwords. Do not enter real health data.");
        banner.setId("demo-banner");
        banner.addClassName("demo-banner");
        banner.getElement().setAttribute("role", "note");
        return banner;
    }
}
