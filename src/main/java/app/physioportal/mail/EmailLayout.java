package app.physioportal.mail;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's emails in plain text and HTML from the same parts: a greeting, paragraphs, a list, buttons, and a
 * footer with the clinic's name and, for reminders, how to stop them. Every value is escaped in the HTML; the
 * layout is a single centred column with inline styles, because mail clients ignore style sheets.
 */
public final class EmailLayout {

    /** Both bodies of one email. */
    public record Rendered(String text, String html) {
    }

    private sealed interface Part permits Paragraph, Items, Buttons {
    }

    private record Paragraph(String text) implements Part {
    }

    private record Items(List<String> items) implements Part {
    }

    private record Button(String label, String url, boolean primary) {
    }

    private record Buttons(List<Button> buttons) implements Part {
    }

    private static final String ACCENT = "#1a5276";

    private final String clinicName;
    private final List<Part> parts = new ArrayList<>();
    private @Nullable String greeting;
    private @Nullable String unsubscribeUrl;
    private @Nullable String unsubscribeWhat;

    private EmailLayout(String clinicName) {
        this.clinicName = clinicName;
    }

    public static EmailLayout from(String clinicName) {
        return new EmailLayout(clinicName);
    }

    public EmailLayout greeting(String firstName) {
        this.greeting = "Hello " + firstName + ",";
        return this;
    }

    public EmailLayout paragraph(String text) {
        parts.add(new Paragraph(text));
        return this;
    }

    public EmailLayout items(List<String> items) {
        parts.add(new Items(List.copyOf(items)));
        return this;
    }

    /** One or two buttons side by side; the first is the main one. */
    public EmailLayout button(String label, String url) {
        parts.add(new Buttons(List.of(new Button(label, url, true))));
        return this;
    }

    public EmailLayout buttons(String label, String url, String otherLabel, String otherUrl) {
        parts.add(new Buttons(List.of(new Button(label, url, true), new Button(otherLabel, otherUrl, false))));
        return this;
    }

    /** "Stop these emails" in the footer, e.g. what = "bedtime reminders". */
    public EmailLayout unsubscribe(String what, String url) {
        this.unsubscribeWhat = what;
        this.unsubscribeUrl = url;
        return this;
    }

    public Rendered render() {
        return new Rendered(text(), html());
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        if (greeting != null) {
            out.append(greeting).append("\n\n");
        }
        for (Part part : parts) {
            switch (part) {
                case Paragraph p -> out.append(p.text()).append("\n\n");
                case Items list -> {
                    list.items().forEach(item -> out.append("- ").append(item).append('\n'));
                    out.append('\n');
                }
                case Buttons row -> {
                    row.buttons().forEach(b -> out.append(b.label()).append(": ").append(b.url()).append('\n'));
                    out.append('\n');
                }
            }
        }
        out.append("-- \n").append(clinicName).append(" · Physio Portal\n");
        if (unsubscribeUrl != null) {
            out.append("To stop ").append(unsubscribeWhat).append(": ").append(unsubscribeUrl).append('\n');
        }
        return out.toString();
    }

    private String html() {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\"></head>")
                .append("<body style=\"margin:0;padding:16px;font-family:-apple-system,'Segoe UI',Roboto,Arial,")
                .append("sans-serif;font-size:17px;line-height:1.5;color:#1b2631;background:#f4f6f7\">")
                .append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;")
                .append("padding:24px\"><p style=\"margin:0 0 16px;font-weight:600;color:").append(ACCENT)
                .append("\">").append(esc(clinicName)).append("</p>");
        if (greeting != null) {
            out.append("<p style=\"margin:0 0 16px\">").append(esc(greeting)).append("</p>");
        }
        for (Part part : parts) {
            switch (part) {
                case Paragraph p -> out.append("<p style=\"margin:0 0 16px\">").append(lines(p.text())).append("</p>");
                case Items list -> {
                    out.append("<ul style=\"margin:0 0 16px;padding-left:22px\">");
                    list.items().forEach(item -> out.append("<li style=\"margin:0 0 6px\">").append(esc(item))
                            .append("</li>"));
                    out.append("</ul>");
                }
                case Buttons row -> {
                    out.append("<p style=\"margin:8px 0 20px\">");
                    for (Button b : row.buttons()) {
                        String colours = b.primary() ? "background:" + ACCENT + ";color:#ffffff;border:2px solid "
                                + ACCENT : "background:#ffffff;color:" + ACCENT + ";border:2px solid " + ACCENT;
                        out.append("<a href=\"").append(esc(b.url())).append("\" style=\"display:inline-block;")
                                .append("margin:0 8px 8px 0;padding:12px 20px;border-radius:8px;font-weight:600;")
                                .append("text-decoration:none;").append(colours).append("\">").append(esc(b.label()))
                                .append("</a>");
                    }
                    out.append("</p>");
                }
            }
        }
        out.append("</div><p style=\"max-width:560px;margin:12px auto 0;font-size:13px;color:#566573\">")
                .append(esc(clinicName)).append(" · Physio Portal");
        if (unsubscribeUrl != null) {
            out.append("<br><a href=\"").append(esc(unsubscribeUrl)).append("\" style=\"color:#566573\">Stop ")
                    .append(esc(unsubscribeWhat == null ? "these emails" : unsubscribeWhat)).append("</a>");
        }
        out.append("</p></body></html>");
        return out.toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String lines(String text) {
        return esc(text).replace("\n", "<br>");
    }
}
