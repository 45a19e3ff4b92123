package app.physioportal.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import java.util.Optional;

/** Ids typed into addresses: anything but a whole number is simply not a page. */
public final class RouteIds {

    private RouteIds() {
    }

    public static Optional<Long> get(BeforeEnterEvent event, String parameter) {
        return event.getRouteParameters().get(parameter).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }

    public static long require(BeforeEnterEvent event, String parameter) {
        return get(event, parameter).orElseThrow(() -> new NotFoundException("No such page"));
    }
}
