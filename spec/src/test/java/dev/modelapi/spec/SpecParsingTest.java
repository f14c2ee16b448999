package dev.modelapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SpecParsingTest {

    @ParameterizedTest
    @EnumSource(ModelApiSpec.class)
    void swaggerParserLoadsTheDocumentWithoutAnyMessage(ModelApiSpec spec) {
        SwaggerParseResult result = spec.parse();
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void asyncApiDocumentDescribesTheProgressStreamWithTheOpenApiSchema() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi/pieces-download-progress.yaml")) {
            assertThat(in).as("asyncapi document on the classpath").isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(doc.path("asyncapi").asText()).startsWith("2.6");
        JsonNode channel = doc.path("channels").path("/model/{model}/download/progress");
        assertThat(channel.isObject()).as("progress channel").isTrue();
        assertThat(channel.path("parameters").has("model")).isTrue();

        String payloadRef = doc.findValues("payload").stream()
                .map(p -> p.path("$ref").asText())
                .filter(r -> !r.isEmpty())
                .findFirst().orElseThrow();
        assertThat(payloadRef).isEqualTo("../openapi/pieces-model-api.yaml#/components/schemas/ModelDownloadProgress");
        assertThat(ModelApiSpec.PIECES.openApi().getComponents().getSchemas()).containsKey("ModelDownloadProgress");
    }
}
