package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.support.Decthings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** createModel (every option type), getModels, updateModel, deleteModel, setImage, filesystem. */
@ModelApiMockTest
class ModelsSimulationTest {

    private Decthings d;

    @BeforeEach
    void client(@DecthingsUrl String base) {
        d = Decthings.framed(base);
    }

    static String code(String name, String language) {
        return "{\"name\":\"" + name + "\",\"description\":\"desc of " + name + "\",\"options\":{\"type\":\"code\","
                + "\"language\":\"" + language + "\",\"tags\":[{\"tag\":\"task\",\"value\":\"t-" + name + "\"}]}}";
    }

    private JsonNode model(String id) {
        return d.result("getModels", "{\"filter\":{\"ids\":[\"" + id + "\"]}}").path("models").get(0);
    }

    @Test
    void codeModelGetsRealisticDefaults() {
        JsonNode r = d.result("createModel", code("sentiment", "python"));
        assertThat(r.path("isNowCreating").asBoolean()).isFalse();
        JsonNode m = model(r.path("modelId").asText());
        assertThat(m.path("name").asText()).isEqualTo("sentiment");
        assertThat(m.path("language").asText()).isEqualTo("python");
        assertThat(m.path("image").path("domain").asText()).isEqualTo("docker.io");
        assertThat(m.path("image").path("repository").asText()).isEqualTo("library/python");
        assertThat(m.path("image").path("reference").asText()).isEqualTo("3.12-slim");
        assertThat(m.path("filesystemSizeMebibytes").asLong()).isEqualTo(1024);
        assertThat(m.path("owner").path("type").asText()).isEqualTo("user");
        assertThat(m.path("owner").path("username").asText()).isEqualTo("ada.lovelace");
        assertThat(m.path("access").asText()).isEqualTo("readwrite");
        assertThat(m.path("defaultLauncherSpecs").path("evaluate").path("memoryMebibytes").asLong()).isEqualTo(1024);
        assertThat(m.path("maxDurationsSeconds").path("evaluate").asLong()).isEqualTo(600);
        assertThat(m.path("states")).hasSize(1);
        assertThat(m.path("activeState").asText()).isEqualTo(m.path("states").get(0).path("id").asText());
        assertThat(m.path("publicAccess").asBoolean()).isFalse();
    }

    @Test
    void imagePerLanguage() {
        for (String[] lang : new String[][] {{"javascript", "library/node"}, {"typescript", "library/node"},
                {"go", "library/golang"}, {"rust", "library/rust"}}) {
            String id = d.result("createModel", code("m-" + lang[0], lang[0])).path("modelId").asText();
            assertThat(model(id).path("image").path("repository").asText()).isEqualTo(lang[1]);
        }
    }

    @Test
    void uploadedModelRunsAsWasm() {
        String id = d.result("createModel", "{\"name\":\"onnx\",\"description\":\"d\",\"options\":{\"type\":\"upload\","
                + "\"format\":\"onnx\",\"data\":\"CAcSB3B5dG9yY2gaAzIuMQ==\"}}").path("modelId").asText();
        assertThat(model(id).path("wasm").asBoolean()).isTrue();
    }

    @Test
    void nameAlreadyUsedAlsoOnRename() {
        d.result("createModel", code("taken", "go"));
        assertThat(d.error("createModel", code("taken", "rust")).path("code").asText())
                .isEqualTo("name_already_used");
        String other = d.result("createModel", code("other", "go")).path("modelId").asText();
        assertThat(d.error("updateModel", "{\"modelId\":\"" + other + "\",\"properties\":{\"name\":\"taken\"}}")
                .path("code").asText()).isEqualTo("name_already_used");
    }

    @Test
    void namesAreFreedByRenameAndDelete() {
        String first = d.result("createModel", code("first", "go")).path("modelId").asText();
        // Renaming a model to its own name is no clash.
        d.result("updateModel", "{\"modelId\":\"" + first + "\",\"properties\":{\"name\":\"first\"}}");
        d.result("updateModel", "{\"modelId\":\"" + first + "\",\"properties\":{\"name\":\"renamed\"}}");
        String second = d.result("createModel", code("first", "go")).path("modelId").asText();
        assertThat(d.error("createModel", code("renamed", "go")).path("code").asText())
                .isEqualTo("name_already_used");
        d.result("deleteModel", "{\"modelId\":\"" + first + "\"}");
        d.result("createModel", code("renamed", "go"));
        assertThat(d.error("updateModel", "{\"modelId\":\"" + second + "\",\"properties\":{\"name\":\"renamed\"}}")
                .path("code").asText()).isEqualTo("name_already_used");
    }

    @Test
    void basedOnSnapshotWithCreateIsNowCreatingUntilWaitedFor(ModelApiMock mock) {
        JsonNode pub = d.result("getModels", "{\"filter\":{\"names\":[\"mnist-digit-classifier\"]}}")
                .path("models").get(0);
        String snapshot = pub.path("snapshots").get(0).path("id").asText();
        JsonNode r = d.result("createModel", "{\"name\":\"mnist-copy\",\"description\":\"d\",\"options\":{"
                + "\"type\":\"basedOnModelSnapshot\",\"modelId\":\"" + pub.path("id").asText() + "\",\"snapshotId\":\""
                + snapshot + "\",\"initialState\":{\"method\":\"create\",\"name\":\"initial\",\"params\":[],"
                + "\"launcherSpec\":{\"cpus\":2,\"memoryMebibytes\":4096}}}}");
        assertThat(r.path("isNowCreating").asBoolean()).isTrue();
        String id = r.path("modelId").asText();
        JsonNode m = model(id);
        assertThat(m.path("beingCreated").asBoolean()).isTrue();
        assertThat(m.path("basedOnSnapshot").path("snapshotId").asText()).isEqualTo(snapshot);
        assertThat(m.path("parameterDefinitions").path("evaluateOutput").get(0).path("name").asText())
                .isEqualTo("probabilities");
        JsonNode creating = d.result("getCreatingStates", "{\"modelId\":\"" + id + "\"}").path("states");
        assertThat(creating).hasSize(1);
        assertThat(creating.get(0).path("name").asText()).isEqualTo("initial");

        JsonNode waited = d.result("waitForModelToBeCreated", "{\"modelId\":\"" + id + "\"}");
        assertThat(waited.path("createModelSuccess").path("createInitialStateDurations").path("createState")
                .asLong()).isPositive();
        assertThat(model(id).path("beingCreated").asBoolean()).isFalse();
        assertThat(d.error("waitForModelToBeCreated", "{\"modelId\":\"" + id + "\"}").path("code").asText())
                .isEqualTo("model_already_created");
    }

    @Test
    void basedOnSnapshotUploadAndCopyAndFromExisting() {
        JsonNode pub = d.result("getModels", "{\"filter\":{\"names\":[\"review-sentiment\"]}}").path("models").get(0);
        String pubId = pub.path("id").asText();
        String snapshot = pub.path("snapshots").get(0).path("id").asText();
        String prefix = "{\"description\":\"d\",\"options\":{\"type\":\"basedOnModelSnapshot\",\"modelId\":\"" + pubId
                + "\",\"snapshotId\":\"" + snapshot + "\",\"initialState\":";
        JsonNode upload = d.result("createModel", "{\"name\":\"u\"," + prefix.substring(1)
                + "{\"method\":\"upload\",\"name\":\"mine\",\"data\":[{\"key\":\"k\",\"data\":\"AQID\"}]}}}");
        assertThat(upload.path("isNowCreating").asBoolean()).isTrue();
        JsonNode copy = d.result("createModel", "{\"name\":\"c\"," + prefix.substring(1) + "{\"method\":\"copy\"}}}");
        assertThat(copy.path("isNowCreating").asBoolean()).isFalse();
        assertThat(model(copy.path("modelId").asText()).path("states").get(0).path("state").get(0)
                .path("key").asText()).isEqualTo("weights.bin");
        JsonNode existing = d.result("createModel", "{\"name\":\"e\",\"description\":\"d\",\"options\":{\"type\":"
                + "\"fromExisting\",\"modelId\":\"" + pubId + "\"}}");
        assertThat(model(existing.path("modelId").asText()).path("language").asText()).isEqualTo("typescript");

        assertThat(d.error("createModel", "{\"name\":\"x\"," + prefix.replace(snapshot, "nope").substring(1)
                + "{\"method\":\"copy\"}}}").path("code").asText()).isEqualTo("snapshot_not_found");
        assertThat(d.error("createModel", "{\"name\":\"y\",\"description\":\"d\",\"options\":{\"type\":"
                + "\"fromExisting\",\"modelId\":\"nope\"}}").path("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void initialStateParamsFromAnUnknownDatasetFail() {
        JsonNode pub = d.result("getModels", "{\"filter\":{\"names\":[\"review-sentiment\"]}}").path("models").get(0);
        JsonNode e = d.error("createModel", "{\"name\":\"z\",\"description\":\"d\",\"options\":{\"type\":"
                + "\"basedOnModelSnapshot\",\"modelId\":\"" + pub.path("id").asText() + "\",\"snapshotId\":\""
                + pub.path("snapshots").get(0).path("id").asText() + "\",\"initialState\":{\"method\":\"create\","
                + "\"name\":\"i\",\"params\":[{\"name\":\"p\",\"data\":{\"type\":\"dataset\",\"datasetId\":\"nope\","
                + "\"datasetKey\":\"k\"}}],\"launcherSpec\":{\"cpus\":1,\"memoryMebibytes\":512}}}}");
        assertThat(e.path("code").asText()).isEqualTo("dataset_not_found");
        assertThat(e.path("datasetId").asText()).isEqualTo("nope");
    }

    @Test
    void getModelsDefaultsFiltersSortAndTotal() {
        for (String n : List.of("charlie", "alpha", "bravo")) {
            d.result("createModel", code(n, "python"));
        }
        JsonNode all = d.result("getModels", "{}");
        assertThat(all.path("offset").asInt()).isZero();
        assertThat(all.path("limit").asInt()).isEqualTo(20);
        assertThat(all.path("total").asInt()).isEqualTo(5); // 2 public examples + 3 of ours
        assertThat(names(all)).containsExactly("mnist-digit-classifier", "review-sentiment", "charlie", "alpha",
                "bravo"); // createdAt ascending

        assertThat(names(d.result("getModels", "{\"sort\":\"name\",\"sortDirection\":\"desc\",\"limit\":2}")))
                .containsExactly("review-sentiment", "mnist-digit-classifier");
        JsonNode page = d.result("getModels", "{\"sort\":\"name\",\"offset\":1,\"limit\":2}");
        assertThat(names(page)).containsExactly("bravo", "charlie");
        assertThat(page.path("total").asInt()).isEqualTo(5);

        assertThat(names(d.result("getModels", "{\"filter\":{\"searchName\":\"AL\"}}"))).containsExactly("alpha");
        assertThat(names(d.result("getModels", "{\"filter\":{\"names\":[\"bravo\",\"nope\"]}}")))
                .containsExactly("bravo");
        assertThat(names(d.result("getModels", "{\"filter\":{\"tags\":[{\"tag\":\"task\",\"value\":\"t-charlie\"}]}}")))
                .containsExactly("charlie");
        assertThat(d.result("getModels", "{\"filter\":{\"owners\":[\"4d9f2b1e-7c3a-4e8d-b6f0-2a5c9e1d7b38\"]}}")
                .path("total").asInt()).isEqualTo(3);
        JsonNode mnist = d.result("getModels", "{\"filter\":{\"names\":[\"mnist-digit-classifier\"]}}")
                .path("models").get(0);
        String org = mnist.path("owner").path("organizationId").asText();
        assertThat(names(d.result("getModels", "{\"filter\":{\"owners\":[\"" + org + "\"],\"searchName\":\"mnist\"}}")))
                .containsExactly("mnist-digit-classifier");
        assertThat(mnist.path("access").asText()).isEqualTo("read");
        assertThat(d.result("getModels", "{\"limit\":0}").path("models")).isEmpty();
        assertThat(d.error("getModels", "{\"sort\":\"colour\"}").path("parameterName").asText()).isEqualTo("sort");
    }

    private static List<String> names(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("models").forEach(m -> out.add(m.path("name").asText()));
        return out;
    }

    @Test
    void updateModelChangesWhatItSays() {
        String id = d.result("createModel", code("u1", "python")).path("modelId").asText();
        d.result("updateModel", "{\"modelId\":\"" + id + "\",\"properties\":{\"description\":\"new\","
                + "\"publicAccess\":true,\"defaultLauncherSpecs\":{\"evaluate\":{\"cpus\":4,\"memoryMebibytes\":8192}},"
                + "\"tags\":[]}}");
        JsonNode m = model(id);
        assertThat(m.path("description").asText()).isEqualTo("new");
        assertThat(m.path("publicAccess").asBoolean()).isTrue();
        assertThat(m.path("defaultLauncherSpecs").path("evaluate").path("cpus").asDouble()).isEqualTo(4.0);
        assertThat(m.path("defaultLauncherSpecs").path("createState").path("cpus").asDouble()).isEqualTo(1.0);
        assertThat(m.path("tags")).isEmpty();
    }

    @Test
    void publicModelsOfOthersAreReadOnly() {
        String pub = d.result("getModels", "{\"filter\":{\"names\":[\"review-sentiment\"]}}").path("models").get(0)
                .path("id").asText();
        assertThat(d.error("deleteModel", "{\"modelId\":\"" + pub + "\"}").path("code").asText())
                .isEqualTo("access_denied");
        assertThat(d.error("setImage", "{\"modelId\":\"" + pub + "\",\"domain\":\"docker.io\",\"repository\":\"x\","
                + "\"reference\":\"y\"}").path("code").asText()).isEqualTo("access_denied");
    }

    @Test
    void setImageAndImageNotFound() {
        String id = d.result("createModel", code("img", "python")).path("modelId").asText();
        d.result("setImage", "{\"modelId\":\"" + id + "\",\"domain\":\"ghcr.io\",\"repository\":\"acme/runtime\","
                + "\"reference\":\"1.2\"}");
        JsonNode image = model(id).path("image");
        assertThat(image.path("domain").asText()).isEqualTo("ghcr.io");
        assertThat(image.path("repository").asText()).isEqualTo("acme/runtime");
        assertThat(image.path("reference").asText()).isEqualTo("1.2");
        assertThat(image.path("digest").asText()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(d.error("setImage", "{\"modelId\":\"" + id + "\",\"domain\":\"registry.example.invalid\","
                + "\"repository\":\"a\",\"reference\":\"b\"}").path("code").asText()).isEqualTo("image_not_found");
        assertThat(d.error("setImage", "{\"modelId\":\"nope\",\"domain\":\"docker.io\",\"repository\":\"a\","
                + "\"reference\":\"b\"}").path("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void filesystemSizeAndUsage() {
        String id = d.result("createModel", code("fs", "python")).path("modelId").asText();
        d.result("setFilesystemSize", "{\"modelId\":\"" + id + "\",\"newFilesystemSizeMebibytes\":2048}");
        assertThat(model(id).path("filesystemSizeMebibytes").asLong()).isEqualTo(2048);
        JsonNode usage = d.result("getFilesystemUsage", "{\"modelId\":\"" + id + "\"}");
        assertThat(usage.path("blockSize").asLong()).isEqualTo(4096);
        assertThat(usage.path("totalBlocks").asLong()).isEqualTo(2048L * 256);
        assertThat(usage.path("freeBlocks").asLong()).isLessThan(usage.path("totalBlocks").asLong());
        assertThat(d.error("setFilesystemSize", "{\"modelId\":\"" + id + "\",\"newFilesystemSizeMebibytes\":1}")
                .path("code").asText()).isEqualTo("not_enough_space");
        assertThat(d.error("setFilesystemSize", "{\"modelId\":\"" + id + "\",\"newFilesystemSizeMebibytes\":"
                + "4294967295}").path("code").asText()).isEqualTo("quota_exceeded");
    }

    @Test
    void deleteModelMarksModelsBasedOnItsSnapshots() {
        String id = d.result("createModel", code("base", "python")).path("modelId").asText();
        String snap = d.result("snapshotModel", "{\"modelId\":\"" + id + "\",\"snapshotName\":\"v1\"}")
                .path("snapshotId").asText();
        String child = d.result("createModel", "{\"name\":\"child\",\"description\":\"d\",\"options\":{\"type\":"
                + "\"basedOnModelSnapshot\",\"modelId\":\"" + id + "\",\"snapshotId\":\"" + snap + "\","
                + "\"initialState\":{\"method\":\"copy\"}}}").path("modelId").asText();
        d.result("deleteModel", "{\"modelId\":\"" + id + "\"}");
        assertThat(d.result("getModels", "{\"filter\":{\"ids\":[\"" + id + "\"]}}").path("total").asInt()).isZero();
        assertThat(model(child).path("basedOnSnapshot").path("noLongerExists").asBoolean()).isTrue();
        assertThat(d.error("deleteModel", "{\"modelId\":\"" + id + "\"}").path("code").asText())
                .isEqualTo("model_not_found");
    }

    @Test
    void sameSeedSameIdsAndTimestamps(ModelApiMock mock) {
        JsonNode first = d.result("createModel", code("det", "python"));
        JsonNode firstModel = model(first.path("modelId").asText());
        mock.reset();
        JsonNode again = d.result("createModel", code("det", "python"));
        assertThat(again.path("modelId").asText()).isEqualTo(first.path("modelId").asText());
        assertThat(model(again.path("modelId").asText())).isEqualTo(firstModel);
        mock.reseed(43);
        assertThat(d.result("createModel", code("det", "python")).path("modelId").asText())
                .isNotEqualTo(first.path("modelId").asText());
    }
}
