package io.leaklens.jfr;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recording's settings as a .jfc file, the form {@code JFR.start settings=FILE} takes: one {@code <event>} per
 * event name, one {@code <setting>} per {@code name#setting} key of the map.
 */
final class Jfc {

    private Jfc() {
    }

    static String of(Map<String, String> settings) {
        Map<String, Map<String, String>> events = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            int hash = key.indexOf('#');
            if (hash <= 0) {
                throw new IllegalArgumentException("not an event setting: " + key);
            }
            events.computeIfAbsent(key.substring(0, hash), k -> new LinkedHashMap<>())
                    .put(key.substring(hash + 1), value);
        });
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<configuration version=\"2.0\" label=\"LeakLens\">\n");
        events.forEach((event, values) -> {
            xml.append("  <event name=\"").append(escaped(event)).append("\">\n");
            values.forEach((name, value) -> xml.append("    <setting name=\"").append(escaped(name)).append("\">")
                    .append(escaped(value)).append("</setting>\n"));
            xml.append("  </event>\n");
        });
        return xml.append("</configuration>\n").toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
