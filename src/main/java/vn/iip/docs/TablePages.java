package vn.iip.docs;

import vn.iip.catalog.TableSpec;
import vn.iip.catalog.ViewSpec;

/** The page of one table or view. */
final class TablePages {
    private TablePages() {}

    static String table(TableSpec table, String readersName, long rows, Long version, boolean gold) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(Html.escape(table.comment())).append("</p>\n<table>\n");
        row(html, "grain (one row per)", Grains.of(table));
        row(html, "key", Grains.key(table));
        row(html, "partitioned by", table.partitionColumns().isEmpty() ? "(not partitioned)"
                : String.join(", ", table.partitionColumns()));
        row(html, "rows", Long.toString(rows));
        row(html, "Delta version", version == null ? "(none)" : version + (gold ? " (the version readers see in "
                + readersName + "; the store table is " + table.qualifiedName() + ")" : ""));
        html.append("</table>\n<h2>Columns</h2>\n").append(CatalogueSite.columns(table.columns()));
        return html.toString();
    }

    static String view(ViewSpec view) {
        return "<p>" + Html.escape(view.comment()) + "</p>\n<h2>Columns</h2>\n" + CatalogueSite.columns(view.columns())
                + "<h2>Definition</h2>\n<pre>" + Html.escape(view.select()) + "</pre>";
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }
}
