package dev.modelapi.mock.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MockJson#bytes} writes through a buffer the thread keeps: same bytes as Jackson's, whatever the nesting. */
class MockJsonTest {

    @Test
    void sameBytesAsJacksonForSmallAndLargeValues() throws Exception {
        Map<String, Object> small = Map.of("result", Map.of("total", 1));
        List<String> large = java.util.Collections.nCopies(40_000, "0123456789");   // ~480 KB, over what is kept
        for (Object value : List.of(small, large, small)) {
            assertThat(MockJson.bytes(value)).isEqualTo(MockJson.MAPPER.writeValueAsBytes(value));
        }
    }

    @Test
    void aSerializationThatCallsBytesItselfIsNotCorrupted() {
        JsonSerializable nested = new JsonSerializable() {
            @Override
            public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(new String(MockJson.bytes(Map.of("inner", true)), StandardCharsets.UTF_8));
            }

            @Override
            public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer type)
                    throws IOException {
                serialize(gen, serializers);
            }
        };
        String json = new String(MockJson.bytes(Map.of("outer", nested)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"outer\":\"{\\\"inner\\\":true}\"}");
        assertThat(new String(MockJson.bytes(Map.of("after", 1)), StandardCharsets.UTF_8)).isEqualTo("{\"after\":1}");
    }
}
