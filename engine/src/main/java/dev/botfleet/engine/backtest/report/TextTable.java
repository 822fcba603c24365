package dev.botfleet.engine.backtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-column plain-text table: the title line, then rows framed like Freqtrade's former "orgtbl" tables
 * ({@code | a | b |}). The first {@code leftColumns} columns (the keys) are left-aligned, the numbers right-aligned.
 */
final class TextTable {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final int leftColumns;

    TextTable(String title, List<String> headers, int leftColumns) {
        this.title = title;
        this.headers = List.copyOf(headers);
        this.leftColumns = leftColumns;
    }

    TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("table " + title + ": row has " + cells.size() + " cells, expected "
                    + headers.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        line(out, headers, widths);
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            out.append("-".repeat(widths[c] + 2)).append(c == widths.length - 1 ? "|" : "+");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            boolean left = c < leftColumns;
            out.append(' ').append(left ? cell + pad : pad + cell).append(" |");
        }
        out.append('\n');
    }
}
