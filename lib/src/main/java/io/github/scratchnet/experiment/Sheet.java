package io.github.scratchnet.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A small typed table that becomes both a CSV file and a Tablesaw {@link Table}, so the file and
 * what Java callers see cannot drift apart. CSV fields are quoted only when they must be (RFC
 * 4180 quoting, but {@code \n} line ends, as pandas and Tablesaw write them); doubles are written
 * in full precision, NaN as {@code NaN}, which pandas reads as missing.
 */
final class Sheet {
    enum Type { INT, LONG, DOUBLE, STRING, BOOLEAN }

    record Col(String name, Type type) {}

    private final List<Col> columns;
    private final List<Object[]> rows = new ArrayList<>();

    Sheet(List<Col> columns) {
        this.columns = List.copyOf(columns);
    }

    void add(List<Object> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException(row.size() + " values for " + columns.size() + " columns");
        }
        rows.add(row.toArray());
    }

    byte[] csv() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) b.append(',');
            b.append(field(columns.get(i).name()));
        }
        b.append("\n");
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) b.append(',');
                b.append(field(row[i] == null ? "" : String.valueOf(row[i])));
            }
            b.append("\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    Table table(String name) {
        Table t = Table.create(name);
        for (int c = 0; c < columns.size(); c++) {
            Col col = columns.get(c);
            Column<?> column = switch (col.type()) {
                case INT -> {
                    IntColumn x = IntColumn.create(col.name());
                    for (Object[] r : rows) x.append((Integer) r[c]);
                    yield x;
                }
                case LONG -> {
                    LongColumn x = LongColumn.create(col.name());
                    for (Object[] r : rows) x.append((Long) r[c]);
                    yield x;
                }
                case DOUBLE -> {
                    DoubleColumn x = DoubleColumn.create(col.name());
                    for (Object[] r : rows) x.append((Double) r[c]);
                    yield x;
                }
                case STRING -> {
                    StringColumn x = StringColumn.create(col.name());
                    for (Object[] r : rows) x.append((String) r[c]);
                    yield x;
                }
                case BOOLEAN -> {
                    BooleanColumn x = BooleanColumn.create(col.name());
                    for (Object[] r : rows) x.append((Boolean) r[c]);
                    yield x;
                }
            };
            t.addColumns(column);
        }
        return t;
    }
}
