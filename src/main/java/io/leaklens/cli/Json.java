package io.leaklens.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;

/**
 * The one JSON writer of the CLI: records as objects (components in declaration order), collections as arrays,
 * strings, numbers, booleans and null, written by Jackson's streaming generator with its default pretty printer (the
 * layout of the contract's examples and of users' scripts). Not Jackson's object mapper: it took 0.1-0.2 s to load
 * and inspect the records on every command, as long as reading 15 MB of a recording; the generator starts in
 * milliseconds. Plain instanceof chains: a pattern switch bootstraps the class-file API at first use.
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    static String write(Object value) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            value(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Double d) {
            json.writeNumber(d); // NaN and Infinity as strings: JSON has no such numbers
        } else if (value instanceof Float f) {
            json.writeNumber(f);
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            json.writeNumber(value.toString());
        } else if (value instanceof Number n) {
            json.writeNumber(n.longValue());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Record r) {
            object(json, r);
        } else if (value instanceof Collection<?> c) {
            json.writeStartArray();
            for (Object v : c) {
                value(json, v);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void object(JsonGenerator json, Record record) throws IOException {
        json.writeStartObject();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            json.writeFieldName(component.getName());
            value(json, component(record, component));
        }
        json.writeEndObject();
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
                    + component.getName(), e);
        }
    }
}
