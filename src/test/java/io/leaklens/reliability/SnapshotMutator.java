package io.leaklens.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Damage that gzip's checksum cannot catch: the snapshot's JSON changed and compressed again behind a valid header,
 * as a buggy writer, a newer LeakLens or a hand edit would leave it. This is what reaches the JSON reader and the
 * model's constructors, and then the diff, so it is where a null or a wrong type would get through.
 */
final class SnapshotMutator {

    /** The signature and version in front of the compressed JSON. */
    private static final int HEADER = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Markers replaced by nested arrays once the JSON is text: Jackson would not write 5,000 levels itself. */
    private static final String DEEP = "(nested 5000 deep)";
    private static final String SHALLOW = "(nested 50 deep)";

    private final Random random;

    SnapshotMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A newer, an impossible and an older format version in the header, each around a valid body. */
    static List<FuzzCase> versions(byte[] good) {
        List<FuzzCase> cases = new ArrayList<>();
        int[][] versions = {{2, 0}, {1, 99}, {65535, 65535}, {0, 0}, {0, 9}, {1, 0}};
        for (int[] version : versions) {
            byte[] copy = good.clone();
            copy[8] = (byte) (version[0] >> 8);
            copy[9] = (byte) version[0];
            copy[10] = (byte) (version[1] >> 8);
            copy[11] = (byte) version[1];
            cases.add(new FuzzCase("format " + version[0] + "." + version[1], "newer format", FuzzCase.Reader.SNAPSHOT,
                    copy));
        }
        return cases;
    }

    /** {@code count} snapshots whose JSON had one value replaced, one field removed, or a value nested deeply. */
    List<FuzzCase> editedContent(String name, byte[] good, int count) {
        JsonNode original = read(good);
        List<FuzzCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode copy = original.deepCopy();
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(copy, containers);
            JsonNode container = containers.get(random.nextInt(containers.size()));
            String what = edit(container);
            cases.add(new FuzzCase(name + " JSON " + what, "edited content", FuzzCase.Reader.SNAPSHOT,
                    write(Arrays.copyOf(good, HEADER), copy)));
        }
        return cases;
    }

    private String edit(JsonNode container) {
        int size = container.size();
        if (size == 0) {
            return "unchanged empty container";
        }
        int choice = random.nextInt(10);
        if (container instanceof ObjectNode object) {
            String field = new ArrayList<>(object.properties()).get(random.nextInt(size)).getKey();
            if (choice < 3) {
                object.remove(field);
                return "without " + field;
            }
            object.set(field, strangeValue(choice));
            return field + " = " + abbreviate(object.get(field));
        }
        ArrayNode array = (ArrayNode) container;
        int index = random.nextInt(size);
        if (choice < 3) {
            array.remove(index);
            return "without element " + index;
        }
        array.set(index, strangeValue(choice));
        return "element " + index + " = " + abbreviate(array.get(index));
    }

    /** A value of another type or out of range, the kinds a reader must refuse or survive. */
    private JsonNode strangeValue(int choice) {
        return switch (choice) {
            case 3 -> NODES.nullNode();
            case 4 -> NODES.numberNode(-1);
            case 5 -> NODES.numberNode(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
            case 6 -> NODES.textNode(random.nextBoolean() ? "" : "x");
            case 7 -> NODES.arrayNode();
            case 8 -> NODES.objectNode();
            default -> NODES.textNode(random.nextBoolean() ? DEEP : SHALLOW);
        };
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static JsonNode read(byte[] file) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file, HEADER, file.length - HEADER))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the seed is not a snapshot file", e);
        }
    }

    private static byte[] write(byte[] header, JsonNode json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(header);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            String text = json.toString().replace('"' + DEEP + '"', nested(5_000))
                    .replace('"' + SHALLOW + '"', nested(50));
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
