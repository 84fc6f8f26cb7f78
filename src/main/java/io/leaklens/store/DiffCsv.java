package io.leaklens.store;

import io.leaklens.model.ClassDelta;
import io.leaklens.model.SnapshotDiff;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The classes of a comparison as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break), one row per class in the comparison's order, for a spreadsheet or a script.
 * Numbers are plain (no separators, no units) so that both can compute with them.
 */
public final class DiffCsv {

    static final String HEADER = "class,instances_before,instances_after,instances_delta,bytes_before,bytes_after,"
            + "bytes_delta,growth_percent,status";
    private static final String EOL = "\r\n";

    private DiffCsv() {
    }

    /** Writes the CSV in UTF-8, atomically: the file is either the previous one or the complete new one. */
    public static void write(SnapshotDiff diff, Path file) throws SnapshotFileException {
        byte[] csv = toCsv(diff).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(csv));
    }

    static String toCsv(SnapshotDiff diff) {
        StringBuilder csv = new StringBuilder(HEADER.length() + 80 * (diff.classes().size() + 1));
        csv.append(HEADER).append(EOL);
        for (ClassDelta c : diff.classes()) {
            csv.append(text(c.className())).append(',')
                    .append(c.instancesBefore()).append(',')
                    .append(c.instancesAfter()).append(',')
                    .append(c.instancesDelta()).append(',')
                    .append(c.bytesBefore()).append(',')
                    .append(c.bytesAfter()).append(',')
                    .append(c.bytesDelta()).append(',')
                    .append(growthPercent(c)).append(',')
                    .append(status(c)).append(EOL);
        }
        return csv.toString();
    }

    /** new or gone when the class is in one snapshot only; otherwise by bytes, as the comparison ranks classes. */
    static String status(ClassDelta c) {
        if (c.isNew()) {
            return "new";
        }
        if (c.isGone()) {
            return "gone";
        }
        return c.bytesDelta() > 0 ? "grown" : c.bytesDelta() < 0 ? "shrunk" : "same";
    }

    /** Empty for a class that grew from nothing: infinity is not a number a spreadsheet can use. */
    private static String growthPercent(ClassDelta c) {
        double percent = c.growthPercent();
        return c.isNew() || Double.isInfinite(percent) || Double.isNaN(percent) ? ""
                : String.format(Locale.ROOT, "%.2f", percent);
    }

    /**
     * A text field. Spreadsheets run a cell starting with = + - @ as a formula (OWASP "CSV injection"), and a class
     * name is whatever the target's class loader accepted, so such a name gets an apostrophe in front; tab and CR
     * start formulas in some spreadsheets too. Only text fields: a negative number must stay a number.
     */
    static String text(String value) {
        String field = value == null ? "" : value;
        if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        return quote(field);
    }

    private static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
