package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAdapterTest {

    private final RequestAdapter adapter = new RequestAdapter("conformance-abc", () -> "random-id");

    @Test
    void prefixesNamesAndReplacesIdentifiersOfWritingOperations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree("""
                {"modelId": "8c4f", "name": "imported", "snapshotName": "v2",
                 "data": [{"key": "weights.pt", "name": "param"}], "deleteStates": ["d7e1"],
                 "mountModels": [{"modelId": "0a7d", "snapshotId": "9d3c"}],
                 "filter": {"ids": ["8c4f"]}, "properties": {"name": "renamed"}}""");
        JsonNode out = adapter.adapt(doc, Map.of("modelId", "mine", "filter.ids", "mine"), true, true);
        assertThat(out.get("modelId").asText()).isEqualTo("mine");
        assertThat(out.at("/filter/ids/0").asText()).isEqualTo("mine");
        assertThat(out.get("name").asText()).isEqualTo("conformance-abc-1-imported");
        assertThat(out.get("snapshotName").asText()).isEqualTo("conformance-abc-1-v2");
        assertThat(out.at("/properties/name").asText()).isEqualTo("conformance-abc-1-renamed");
        assertThat(out.at("/data/0/name").asText()).as("names inside arrays are data").isEqualTo("param");
        assertThat(out.at("/deleteStates/0").asText()).isEqualTo("random-id");
        assertThat(out.at("/mountModels/0/modelId").asText()).as("nested ids are someone else's").isEqualTo("random-id");
        assertThat(out.at("/mountModels/0/snapshotId").asText()).isEqualTo("random-id");
    }

    @Test
    void readOnlyOperationsKeepOtherIdentifiersAndNames() throws Exception {
        JsonNode doc = new ObjectMapper().readTree("{\"modelId\": \"8c4f\", \"stateId\": \"6e2a\", \"name\": \"x\"}");
        JsonNode out = adapter.adapt(doc, Map.of("modelId", "mine"), false, false);
        assertThat(out.get("modelId").asText()).isEqualTo("mine");
        assertThat(out.get("stateId").asText()).isEqualTo("6e2a");
        assertThat(out.get("name").asText()).isEqualTo("x");
    }
}
