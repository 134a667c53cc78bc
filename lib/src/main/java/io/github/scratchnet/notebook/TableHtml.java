package io.github.scratchnet.notebook;

import java.util.Locale;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as the notebook shows it: HTML with the name as caption, numbers
 * right-aligned, doubles with four decimals (scientific when very large or small), cut to the first rows of long tables, with
 * a line saying how many rows are not shown; and a text fallback.
 */
public final class TableHtml {
    /** Rows shown before a table is cut. */
    public static final int MAX_ROWS = 50;

    private TableHtml() {}

    public static String html(Table table) {
        return html(table, MAX_ROWS);
    }

    /** At most {@code maxRows} rows, then "… N more rows (M in all)". */
    public static String html(Table table, int maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        int rows = table.rowCount();
        if (rows <= maxRows) return full(table);
        return full(table.first(maxRows))
                + "<div style=\"font-size:90%;font-style:italic\">" + more(rows, maxRows) + "</div>";
    }

    /** Tablesaw's own text layout, cut the same way. */
    public static String text(Table table) {
        int rows = table.rowCount();
        if (rows <= MAX_ROWS) return table.printAll();
        return table.first(MAX_ROWS).printAll() + "\n" + more(rows, MAX_ROWS);
    }

    private static String more(int rows, int shown) {
        int rest = rows - shown;
        return String.format(Locale.ROOT, "\u2026 %d more row%s (%d in all)", rest, rest == 1 ? "" : "s", rows);
    }

    /** Every row of {@code table} as HTML. */
    static String full(Table table) {
        StringBuilder sb = new StringBuilder("<table style=\"border-collapse:collapse;font-size:90%\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption style=\"caption-side:top;font-weight:bold;text-align:left\">").append(Html.escape(table.name()))
                    .append("</caption>");
        }
        sb.append("<thead><tr>");
        for (String c : table.columnNames()) {
            sb.append("<th style=\"padding:2px 8px;text-align:right\">").append(Html.escape(c)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (Row row : table) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                sb.append("<td style=\"padding:2px 8px;text-align:right\">").append(Html.escape(format(row.getObject(c.name()))))
                        .append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** Doubles with four decimals (scientific when huge or tiny, blank for NaN), everything else as is. */
    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) return "";
            double a = Math.abs(d);
            if (a != 0 && (a >= 1e5 || a < 1e-3)) return String.format(Locale.ROOT, "%.3e", d);
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return value == null ? "" : value.toString();
    }
}
