package io.leaklens.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How model records become JSON in snapshot files: record components only (no derived getters such as
 * {@code isJdk()}), times as ISO-8601 text, unknown fields ignored so that files of a newer minor version open.
 */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule time = new SimpleModule("leaklens-time")
                .addSerializer(Instant.class, new ToText<>())
                .addDeserializer(Instant.class, new FromText<>(Instant::parse))
                .addSerializer(Duration.class, new ToText<>())
                .addDeserializer(Duration.class, new FromText<>(Duration::parse));
        // The fast double reader and writer: allocation rates are most of a big snapshot's numbers.
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        return new ObjectMapper(factory)
                .registerModule(time)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static final class ToText<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    private static final class FromText<T> extends JsonDeserializer<T> {
        private final java.util.function.Function<String, T> parse;

        FromText(java.util.function.Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
            try {
                return parse.apply(in.getValueAsString());
            } catch (DateTimeParseException | NullPointerException e) {
                return context.reportInputMismatch(this, "not a time: %s", in.getText());
            }
        }
    }
}
