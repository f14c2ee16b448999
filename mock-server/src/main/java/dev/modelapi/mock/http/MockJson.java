package dev.modelapi.mock.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.StdDateFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TimeZone;

/**
 * The one Jackson configuration of the mock, for the generated server models and for raw JSON trees.
 * Optional fields stay absent instead of {@code null} (both APIs omit unset fields), numbers keep their exact text
 * (BigDecimal), and dates are ISO-8601 in UTC.
 */
public final class MockJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDateFormat(new StdDateFormat().withColonInTimeZone(true))
            .setTimeZone(TimeZone.getTimeZone("UTC"));

    private MockJson() {
    }

    /** Parses an object; anything else (or malformed JSON) is an {@link IOException}. */
    public static ObjectNode object(byte[] json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        return (ObjectNode) node;
    }

    /** Accepts what {@link #object} accepts, without building the tree; else the same {@link IOException}. */
    public static void checkObject(byte[] json) throws IOException {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                object(json);                            // throws, with object's message
            }
            parser.skipChildren();
        }
    }

    /**
     * The value as JSON bytes. Written into a buffer the thread keeps (Jackson's own {@code writeValueAsBytes} grows
     * a list of segments and joins them: a fifth of serializing a getModels answer, BENCHMARKS.md); only the result
     * is a new array.
     */
    public static byte[] bytes(Object value) {
        ReusableBuffer buffer = BUFFER.get();
        if (buffer.inUse) {                              // called from inside a serialization on this thread
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        buffer.inUse = true;
        try {
            buffer.reset();
            MAPPER.writeValue(buffer, value);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            buffer.inUse = false;
            if (buffer.capacity() > ReusableBuffer.KEEP_AT_MOST) {
                BUFFER.remove();                         // a rare large answer: not kept by the thread
            }
        }
    }

    private static final ThreadLocal<ReusableBuffer> BUFFER = ThreadLocal.withInitial(ReusableBuffer::new);

    private static final class ReusableBuffer extends ByteArrayOutputStream {
        static final int KEEP_AT_MOST = 256 * 1024;
        boolean inUse;

        ReusableBuffer() {
            super(16 * 1024);
        }

        int capacity() {
            return buf.length;
        }
    }

    /**
     * A deep copy through Jackson's token buffer, i.e. as through JSON without writing and parsing text (also
     * converts between model classes of the same shape).
     */
    public static <T> T copy(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** A model serialized and read back as a tree, so that binary fields are base64 text (as in the spec). */
    public static ObjectNode tree(Object value) {
        try {
            return object(bytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
