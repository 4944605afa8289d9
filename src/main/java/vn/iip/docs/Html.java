package vn.iip.docs;

import java.util.List;

/** The catalogue's HTML: escaping, one page layout, tables. Plain HTML and CSS, no script, so any browser shows it. */
final class Html {
    private Html() {}

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + " · IIP warehouse catalogue</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a}\n"
                + "table{border-collapse:collapse;margin:0.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:0.25rem"
                + " 0.5rem;text-align:left;vertical-align:top}th{background:#eef2f5}\n"
                + "code,pre{background:#f5f5f5}pre{padding:0.75rem;overflow-x:auto}nav a{margin-right:1rem}\n"
                + ".warn{color:#a33;font-weight:bold}.ok{color:#262}\n</style>\n</head>\n<body>\n"
                + "<nav><a href=\"index.html\">Catalogue</a><a href=\"lineage.html\">Lineage</a>"
                + "<a href=\"rules.html\">Rules</a><a href=\"freshness.html\">Freshness</a></nav>\n<h1>"
                + escape(title) + "</h1>\n" + body + "\n</body>\n</html>\n";
    }

    /** A table; cells are escaped unless they are {@link Raw}. */
    static String table(List<String> header, List<List<Object>> rows) {
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<Object> row : rows) {
            html.append("<tr>");
            for (Object cell : row) {
                html.append("<td>").append(cell instanceof Raw raw ? raw.html() : escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** Markup already made safe (a link built here). */
    record Raw(String html) {}

    static Raw link(String href, String text) {
        return new Raw("<a href=\"" + escape(href) + "\">" + escape(text) + "</a>");
    }
}
