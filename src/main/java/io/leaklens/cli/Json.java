package io.leaklens.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * The one JSON writer of the CLI: records as objects (components in declaration order), collections as arrays,
 * strings, numbers, booleans and null, laid out exactly as Jackson's default pretty printer did before (the contract's
 * examples and users' scripts have that layout; JsonTest compares the two). Written by hand because Jackson's
 * object mapper took 0.1-0.2 s to load and inspect the records on every command, as long as reading 15 MB of a
 * recording. Plain instanceof chains: a pattern switch bootstraps the class-file API at first use.
 */
final class Json {

    private static final String NEWLINE = System.lineSeparator();

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(4096);
        value(out, value, 0);
        return out.toString();
    }

    /** @param depth how many objects enclose the value (arrays are laid out inline and do not count) */
    private static void value(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                string(out, value.toString()); // "NaN", "Infinity": JSON has no such numbers
            } else {
                out.append(value);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Record r) {
            object(out, r, depth);
        } else if (value instanceof Collection<?> c) {
            array(out, c, depth);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void object(StringBuilder out, Record record, int depth) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        if (components.length == 0) {
            out.append("{ }");
            return;
        }
        out.append('{');
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            indent(out, depth + 1);
            string(out, components[i].getName());
            out.append(" : ");
            value(out, component(record, components[i]), depth + 1);
        }
        indent(out, depth);
        out.append('}');
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
                    + component.getName(), e);
        }
    }

    private static void array(StringBuilder out, Collection<?> values, int depth) {
        out.append("[ ");
        boolean first = true;
        for (Object v : values) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            value(out, v, depth);
        }
        out.append(values.isEmpty() ? "]" : " ]");
    }

    private static void indent(StringBuilder out, int depth) {
        out.append(NEWLINE);
        out.append("  ".repeat(depth));
    }

    /** Quoted and escaped as Jackson does: the two-character escapes where JSON has them, else \\u00XX. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                                .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
