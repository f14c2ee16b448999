package dev.modelapi.decthings.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed {@code x-decthings-blobs} extensions are refused when the mapping is loaded, not when used. */
class BlobMappingSourcesTest {

    private static String document(String extension) {
        return """
                openapi: 3.0.3
                paths:
                  /Model/op:
                    post:
                      x-decthings-blobs:
                """ + extension.indent(10);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown layout          | {request: [{path: a, layout: blob}], response: []}                       | /Model/op x-decthings-blobs.request[0]: Unknown blob layout "blob"
        keyed without keys      | {request: [{path: a, layout: keyedBuffers}], response: []}               | /Model/op x-decthings-blobs.request[0]: Blob source "a": layout keyedBuffers needs keyNamesField
        keys on a buffer        | {request: [{path: a, layout: buffer, keyNamesField: k}], response: []}   | /Model/op x-decthings-blobs.request[0]: Blob source "a": keyNamesField is only for keyedBuffers, not buffer
        unknown property        | {request: [], response: [{path: a, layout: buffer, pth: b}]}             | /Model/op x-decthings-blobs.response[0]: unknown property "pth"
        path ending in []       | {request: [{path: 'a[]', layout: buffer}], response: []}                 | /Model/op x-decthings-blobs.request[0]: Blob path "a[]" must end in a property name, not in []: the layout describes that property
        empty segment           | {request: [{path: 'a..b', layout: buffer}], response: []}                | /Model/op x-decthings-blobs.request[0]: Blob path "a..b": invalid segment "" (expected a property name, optionally followed by [])
        missing path            | {request: [{layout: buffer}], response: []}                              | /Model/op x-decthings-blobs.request[0]: "path" must be a string
        missing response list   | {request: []}                                                            | /Model/op x-decthings-blobs.response: expected a list (write [] when there are no blobs)
        not an object           | [a, b]                                                                   | /Model/op x-decthings-blobs: expected an object with request and response
        """)
    void refusesMalformedExtensions(String name, String extension, String message) {
        assertThatThrownBy(() -> BlobMapping.fromYaml(document(extension)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void parsesPathsWithArraySteps() {
        BlobMapping mapping = BlobMapping.fromYaml(document(
                "{request: [], response: [{path: 'result.metrics[].entries[].data', layout: tensor}]}"));
        BlobSource source = mapping.forMethod("op").responseSources().get(0);

        assertThat(source.path()).isEqualTo("result.metrics[].entries[].data");
        assertThat(source.layout()).isEqualTo(BlobLayout.TENSOR);
        assertThat(source.keyNamesField()).isEmpty();
        assertThat(source).hasToString("result.metrics[].entries[].data (tensor)");
    }

    @Test
    void layoutsUseTheirSpecNames() {
        assertThat(BlobLayout.fromWireName("parameterProviders")).isEqualTo(BlobLayout.PARAMETER_PROVIDERS);
        assertThat(BlobLayout.KEYED_BUFFERS.wireName()).isEqualTo("keyedBuffers");
        assertThatThrownBy(() -> BlobLayout.fromWireName("Buffer")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsJsonDocumentsToo() {
        BlobMapping mapping = BlobMapping.fromYaml(
                "{\"paths\":{\"/Model/x\":{\"post\":{\"x-decthings-blobs\":{\"request\":[],\"response\":[]}}}}}");
        assertThat(mapping.methods()).containsExactly("x");
    }
}
