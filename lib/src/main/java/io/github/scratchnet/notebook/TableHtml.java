package io.github.scratchnet.notebook;

import io.github.scratchnet.viz.Tables;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * A Tablesaw table as the notebook shows it: the HTML of {@link Tables#html} (name as caption,
 * numbers right-aligned, doubles with four decimals) cut to the first rows of long tables, with
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
        if (rows <= maxRows) return Tables.html(table);
        return Tables.html(table.first(maxRows))
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
}
