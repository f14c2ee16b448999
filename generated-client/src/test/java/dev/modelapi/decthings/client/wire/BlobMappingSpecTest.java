package dev.modelapi.decthings.client.wire;

import static dev.modelapi.decthings.client.wire.BlobMappingTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping read from the real Decthings document that {@code modelapi-spec} puts on the classpath. */
class BlobMappingSpecTest {

    @Test
    void loadsOnceFromTheClasspath() {
        assertThat(BlobMapping.load()).isSameAs(BlobMapping.load());
    }

    @Test
    void everyModelOperationStatesItsBlobs() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BlobMapping.RESOURCE)) {
            assertThat(in).as(BlobMapping.RESOURCE + " on the classpath").isNotNull();
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> modelMethods = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/Model/")) {
                modelMethods.add(path.substring("/Model/".length()));
            }
        });

        assertThat(modelMethods).contains("createModel", "createState");
        assertThat(BlobMapping.load().methods()).containsExactlyElementsOf(modelMethods);
    }

    @Test
    void createModelHasTheThreeSourcesOfTheReference() {
        assertThat(BlobMapping.load().forMethod("createModel").requestSources()).containsExactly(
                BlobSource.of("options.data", BlobLayout.BUFFER),
                BlobSource.of("options.initialState.params", BlobLayout.PARAMETER_PROVIDERS),
                BlobSource.keyed("options.initialState.data", "stateKeyNames"));
        assertThat(BlobMapping.load().forMethod("createModel").responseSources()).isEmpty();
    }

    @Test
    void createStateRequestRoundTripsThroughTheRealMapping() {
        OperationBlobs createState = BlobMapping.load().forMethod("createState");
        ObjectNode logical = json("{'modelId':'m','name':'s','params':[{'name':'in','data':{'type':'data','data':['"
                + BlobMappingTest.T1.toBase64() + "']}},{'name':'ds','data':{'type':'dataset','datasetId':'d',"
                + "'datasetKey':'k'}}]}");

        OperationBlobs.Split split = createState.splitRequest(logical);

        assertThat(split.json()).isEqualTo(json("{'modelId':'m','name':'s','params':[{'name':'in'},{'name':'ds',"
                + "'data':{'type':'dataset','datasetId':'d','datasetKey':'k'}}]}"));
        assertThat(split.blobs()).hasSize(1);
        assertThat(createState.joinRequest(split.json(), split.blobs())).isEqualTo(logical);
    }
}
