package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.decthings.client.tensor.DecthingsElementType;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.mock.decthings.sim.Fixtures;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.support.Decthings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** States, snapshots, training and evaluation of the Decthings simulation. */
@ModelApiMockTest
class StatesAndTrainingSimulationTest {

    private static final String TEMP = "{\"type\":\"temporaryLauncher\",\"spec\":{\"cpus\":1,\"memoryMebibytes\":1024}}";

    private Decthings d;
    private String modelId;

    @BeforeEach
    void model(@DecthingsUrl String base) {
        d = Decthings.framed(base);
        modelId = d.result("createModel", "{\"name\":\"classifier\",\"description\":\"d\",\"options\":{\"type\":"
                + "\"code\",\"language\":\"python\",\"parameterDefinitions\":{"
                + "\"createState\":[],"
                + "\"train\":[{\"name\":\"x\",\"required\":true,\"rules\":{\"shape\":[-1],\"allowedTypes\":[\"f32\"],"
                + "\"annotations\":[]}}],"
                + "\"evaluateInput\":[{\"name\":\"x\",\"required\":true,\"rules\":{\"shape\":[3],\"allowedTypes\":"
                + "[\"f32\"],\"annotations\":[]}}],"
                + "\"evaluateOutput\":[{\"name\":\"label\",\"required\":true,\"rules\":{\"shape\":[],\"allowedTypes\":"
                + "[\"string\"],\"annotations\":[]}},{\"name\":\"scores\",\"required\":true,\"rules\":{\"shape\":[2,-1],"
                + "\"allowedTypes\":[\"f64\"],\"annotations\":[]}}]}}}").path("modelId").asText();
    }

    private JsonNode model() {
        return d.result("getModels", "{\"filter\":{\"ids\":[\"" + modelId + "\"]}}").path("models").get(0);
    }

    private static String tensor(DecthingsTensor t) {
        return Base64.getEncoder().encodeToString(t.serialize());
    }

    private String createState(String name, String location, String params, String mounts) {
        return "{\"modelId\":\"" + modelId + "\",\"name\":\"" + name + "\",\"params\":" + params
                + (mounts == null ? "" : ",\"mountModels\":" + mounts) + ",\"executionLocation\":" + location + "}";
    }

    @Test
    void createStateOnTemporaryAndPersistentLaunchers() {
        JsonNode temp = d.result("createState", createState("s1", TEMP, "[]", null));
        assertThat(temp.path("success").path("durations").path("createLauncher").asLong()).isPositive();
        String persistent = "{\"type\":\"persistentLauncher\",\"persistentLauncherId\":\""
                + Fixtures.EXAMPLE_LAUNCHER_ID + "\"}";
        JsonNode pers = d.result("createState", createState("s2", persistent, "[]", null));
        assertThat(pers.path("success").path("durations").has("createLauncher")).isFalse();
        assertThat(model().path("states")).hasSize(3);

        assertThat(d.error("createState", createState("s3", "{\"type\":\"persistentLauncher\","
                + "\"persistentLauncherId\":\"nope\"}", "[]", null)).path("code").asText())
                .isEqualTo("persistent_launcher_not_found");
        assertThat(d.error("createState", createState("s3", TEMP, "[]", null).replace(modelId, "nope"))
                .path("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void createStateDatasetsAndMounts() {
        String dataset = "[{\"name\":\"p\",\"data\":{\"type\":\"dataset\",\"datasetId\":\"" + Fixtures.EXAMPLE_DATASET_ID
                + "\",\"datasetKey\":\"reviews\"}}]";
        assertThat(d.result("createState", createState("ok", TEMP, dataset, null)).has("success")).isTrue();
        JsonNode noKey = d.error("createState", createState("k", TEMP, dataset.replace("reviews", "nokey"), null));
        assertThat(noKey.path("code").asText()).isEqualTo("dataset_key_not_found");
        assertThat(noKey.path("datasetKey").asText()).isEqualTo("nokey");
        assertThat(d.error("createState", createState("k", TEMP, dataset.replace(Fixtures.EXAMPLE_DATASET_ID,
                "nods"), null)).path("code").asText()).isEqualTo("dataset_not_found");

        String pub = d.result("getModels", "{\"filter\":{\"names\":[\"review-sentiment\"]}}").path("models").get(0)
                .path("id").asText();
        assertThat(d.result("createState", createState("m", TEMP, "[]", "[{\"modelId\":\"" + pub + "\"}]"))
                .has("success")).isTrue();
        assertThat(d.error("createState", createState("m", TEMP, "[]", "[{\"modelId\":\"nope\"}]"))
                .path("code").asText()).isEqualTo("model_to_mount_not_found");
        assertThat(d.error("createState", createState("m", TEMP, "[]", "[{\"modelId\":\"" + pub
                + "\",\"stateId\":\"nope\"}]")).path("code").asText()).isEqualTo("state_for_model_to_mount_not_found");
        assertThat(d.error("createState", createState("m", TEMP, "[]", "[{\"modelId\":\"" + pub
                + "\",\"snapshotId\":\"nope\"}]")).path("code").asText())
                .isEqualTo("snapshot_for_model_to_mount_not_found");
    }

    @Test
    void uploadStateRoundTripsBytesAndStateLifecycle() {
        byte[] weights = new byte[1000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 7);
        }
        String b64 = Base64.getEncoder().encodeToString(weights);
        String stateId = d.result("uploadState", "{\"modelId\":\"" + modelId + "\",\"name\":\"uploaded\",\"data\":["
                + "{\"key\":\"weights.pt\",\"data\":\"" + b64 + "\"},{\"key\":\"meta.json\",\"data\":\"e30=\"}]}")
                .path("stateId").asText();
        JsonNode data = d.result("getModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + stateId + "\"}")
                .path("data");
        assertThat(data.get(0).path("key").asText()).isEqualTo("weights.pt");
        assertThat(Base64.getDecoder().decode(data.get(0).path("data").asText())).isEqualTo(weights);
        assertThat(d.result("getModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + stateId
                + "\",\"keys\":[\"meta.json\"]}").path("data")).hasSize(1);
        assertThat(d.error("getModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + stateId
                + "\",\"keys\":[\"nope\"]}").path("code").asText()).isEqualTo("state_key_not_found");

        d.result("updateModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + stateId
                + "\",\"properties\":{\"name\":\"renamed\"}}");
        d.result("setActiveModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + stateId + "\"}");
        JsonNode m = model();
        assertThat(m.path("activeState").asText()).isEqualTo(stateId);
        assertThat(m.path("states").get(1).path("name").asText()).isEqualTo("renamed");
        assertThat(m.path("states").get(1).path("state").get(0).path("byteSize").asLong()).isEqualTo(1000);
        assertThat(d.error("deleteModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + stateId + "\"}")
                .path("code").asText()).isEqualTo("state_is_active");
        String initial = m.path("states").get(0).path("id").asText();
        d.result("deleteModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + initial + "\"}");
        assertThat(model().path("states")).hasSize(1);
        assertThat(d.error("setActiveModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + initial
                + "\"}").path("code").asText()).isEqualTo("state_not_found");
        // uploadState that deletes the active state is refused, atomically
        assertThat(d.error("uploadState", "{\"modelId\":\"" + modelId + "\",\"name\":\"x\",\"data\":[],"
                + "\"deleteStates\":[\"" + stateId + "\"]}").path("code").asText()).isEqualTo("state_is_active");
        assertThat(model().path("states")).hasSize(1);
    }

    @Test
    void creatingStatesCanBeCancelledOrAwaited() {
        String pub = d.result("getModels", "{\"filter\":{\"names\":[\"review-sentiment\"]}}").path("models").get(0)
                .path("id").asText();
        String snap = d.result("getModels", "{\"filter\":{\"ids\":[\"" + pub + "\"]}}").path("models").get(0)
                .path("snapshots").get(0).path("id").asText();
        String create = "{\"name\":\"%s\",\"description\":\"d\",\"options\":{\"type\":\"basedOnModelSnapshot\","
                + "\"modelId\":\"" + pub + "\",\"snapshotId\":\"" + snap + "\",\"initialState\":{\"method\":\"upload\","
                + "\"name\":\"init\",\"data\":[{\"key\":\"a\",\"data\":\"AQ==\"}]}}}";
        String m1 = d.result("createModel", create.formatted("c1")).path("modelId").asText();
        String s1 = d.result("getCreatingStates", "{\"modelId\":\"" + m1 + "\"}").path("states").get(0)
                .path("id").asText();
        JsonNode waited = d.result("waitForStateToBeCreated", "{\"modelId\":\"" + m1 + "\",\"stateId\":\"" + s1 + "\"}");
        assertThat(waited.path("success").path("stateId").asText()).isEqualTo(s1);
        assertThat(d.error("waitForStateToBeCreated", "{\"modelId\":\"" + m1 + "\",\"stateId\":\"" + s1 + "\"}")
                .path("code").asText()).isEqualTo("state_already_created");
        assertThat(d.result("getModelState", "{\"modelId\":\"" + m1 + "\"}").path("data").get(0).path("data")
                .asText()).isEqualTo("AQ==");

        String m2 = d.result("createModel", create.formatted("c2")).path("modelId").asText();
        String s2 = d.result("getCreatingStates", "{\"modelId\":\"" + m2 + "\"}").path("states").get(0)
                .path("id").asText();
        d.result("cancelCreateState", "{\"modelId\":\"" + m2 + "\",\"stateId\":\"" + s2 + "\"}");
        assertThat(d.result("getCreatingStates", "{\"modelId\":\"" + m2 + "\"}").path("states")).isEmpty();
        assertThat(d.error("cancelCreateState", "{\"modelId\":\"" + m2 + "\",\"stateId\":\"nope\"}").path("code")
                .asText()).isEqualTo("state_not_found");
    }

    @Test
    void snapshotsFreezeTheActiveState() {
        String snap = d.result("snapshotModel", "{\"modelId\":\"" + modelId + "\",\"snapshotName\":\"v1\"}")
                .path("snapshotId").asText();
        d.result("updateSnapshot", "{\"modelId\":\"" + modelId + "\",\"snapshotId\":\"" + snap
                + "\",\"properties\":{\"name\":\"v1-final\"}}");
        JsonNode s = model().path("snapshots").get(0);
        assertThat(s.path("name").asText()).isEqualTo("v1-final");
        assertThat(s.path("image").path("repository").asText()).isEqualTo("library/python");
        assertThat(s.path("parameterDefinitions").path("evaluateOutput")).hasSize(2);
        assertThat(d.result("getSnapshotState", "{\"modelId\":\"" + modelId + "\",\"snapshotId\":\"" + snap + "\"}")
                .path("data")).isEmpty();
        d.result("deleteSnapshot", "{\"modelId\":\"" + modelId + "\",\"snapshotId\":\"" + snap + "\"}");
        assertThat(d.error("getSnapshotState", "{\"modelId\":\"" + modelId + "\",\"snapshotId\":\"" + snap + "\"}")
                .path("code").asText()).isEqualTo("snapshot_not_found");
    }

    @Test
    void trainingProgressesOneStepPerStatusReadAndCreatesAState() {
        String x = tensor(DecthingsTensor.f32(new float[] {1, 2, 3, 4}, 4));
        String session = d.result("train", "{\"modelId\":\"" + modelId + "\",\"newStateName\":\"trained\","
                + "\"params\":[{\"name\":\"x\",\"data\":{\"type\":\"data\",\"data\":[\"" + x + "\"]}}],"
                + "\"executionLocation\":" + TEMP + "}").path("trainingSessionId").asText();
        assertThat(model().path("ongoingTrainingSessions").get(0).asText()).isEqualTo(session);
        String req = "{\"modelId\":\"" + modelId + "\",\"trainingSessionId\":\"" + session + "\"}";
        List<String> seen = new ArrayList<>();
        JsonNode status;
        do {
            status = d.result("getTrainingStatus", req);
            seen.add(status.path("status").path("state").asText()
                    + (status.path("status").has("progress") ? status.path("status").path("progress").asDouble() : ""));
        } while (!status.path("status").path("state").asText().equals("completed") && seen.size() < 20);
        assertThat(seen).containsExactly("running0.25", "running0.5", "running0.75", "running1.0", "gettingState",
                "completed");
        String created = status.path("status").path("createdStateId").asText();
        JsonNode m = model();
        assertThat(m.path("ongoingTrainingSessions")).isEmpty();
        assertThat(m.path("trainingSessions").get(0).asText()).isEqualTo(session);
        JsonNode newState = m.path("states").get(1);
        assertThat(newState.path("id").asText()).isEqualTo(created);
        assertThat(newState.path("name").asText()).isEqualTo("trained");
        assertThat(newState.path("trainingOperations").get(0).asText()).isEqualTo(session);

        JsonNode metrics = d.result("getTrainingMetrics", "{\"modelId\":\"" + modelId + "\",\"trainingSessionId\":\""
                + session + "\",\"metrics\":[{\"name\":\"loss\",\"startIndex\":1,\"amount\":2}]}").path("metrics");
        assertThat(metrics.get(0).path("entries")).hasSize(2);
        DecthingsTensor loss = DecthingsTensor.fromBase64(metrics.get(0).path("entries").get(0).path("data").asText());
        assertThat(loss.type()).isEqualTo(DecthingsElementType.F32);
        assertThat(loss.asFloatArray()[0]).isBetween(0f, 1.1f);
        JsonNode sysinfo = d.result("getTrainingSysinfo", req).path("sysinfo");
        assertThat(sysinfo.size()).isGreaterThanOrEqualTo(4);
        long after = sysinfo.get(1).path("timestamp").asLong();
        assertThat(d.result("getTrainingSysinfo", req.replace("}", ",\"fromTimestamp\":" + after + "}"))
                .path("sysinfo").size()).isEqualTo(sysinfo.size() - 2);

        assertThat(d.error("cancelTrainingSession", req).path("code").asText())
                .isEqualTo("training_session_not_running");
        d.result("clearPreviousTrainingSession", req);
        assertThat(d.error("getTrainingStatus", req).path("code").asText()).isEqualTo("training_session_not_found");
    }

    @Test
    void trainingCanBeCancelledWhileRunning() {
        String session = d.result("train", "{\"modelId\":\"" + modelId + "\",\"newStateName\":\"t\",\"params\":["
                + "{\"name\":\"x\",\"data\":{\"type\":\"data\",\"data\":[\"" + tensor(DecthingsTensor.f32(new float[] {1},
                1)) + "\"]}}],\"executionLocation\":" + TEMP + "}").path("trainingSessionId").asText();
        String req = "{\"modelId\":\"" + modelId + "\",\"trainingSessionId\":\"" + session + "\"}";
        assertThat(d.error("clearPreviousTrainingSession", req).path("code").asText())
                .isEqualTo("training_session_running");
        d.result("cancelTrainingSession", req);
        JsonNode status = d.result("getTrainingStatus", req).path("status");
        assertThat(status.path("state").asText()).isEqualTo("failed");
        assertThat(status.path("failReason").path("code").asText()).isEqualTo("cancelled");
    }

    @Test
    void trainChecksParamsAgainstTheDefinitions() {
        JsonNode missing = d.error("train", "{\"modelId\":\"" + modelId + "\",\"newStateName\":\"t\",\"params\":[],"
                + "\"executionLocation\":" + TEMP + "}");
        assertThat(missing.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(missing.path("reason").asText()).contains("'x'");
        JsonNode wrongType = d.error("train", "{\"modelId\":\"" + modelId + "\",\"newStateName\":\"t\",\"params\":["
                + "{\"name\":\"x\",\"data\":{\"type\":\"data\",\"data\":[\"" + tensor(DecthingsTensor.i32(new int[] {1},
                1)) + "\"]}}],\"executionLocation\":" + TEMP + "}");
        assertThat(wrongType.path("parameterName").asText()).isEqualTo("params[0].data.data[0]");
        assertThat(wrongType.path("reason").asText()).contains("i32");
    }

    @Test
    void evaluateReturnsRealTensorsShapedByTheOutputDefinitions(@DecthingsUrl String base) {
        String x1 = tensor(DecthingsTensor.f32(new float[] {1, 2, 3}, 3));
        String x2 = tensor(DecthingsTensor.f32(new float[] {4, 5, 6}, 3));
        JsonNode success = d.result("evaluate", "{\"modelId\":\"" + modelId + "\",\"params\":[{\"name\":\"x\","
                + "\"data\":{\"type\":\"data\",\"data\":[\"" + x1 + "\",\"" + x2 + "\"]}}]}").path("success");
        JsonNode output = success.path("output");
        assertThat(output.get(0).path("name").asText()).isEqualTo("label");
        assertThat(output.get(0).path("data")).hasSize(2); // one per input tensor
        DecthingsTensor label = DecthingsTensor.fromBase64(output.get(0).path("data").get(0).asText());
        assertThat(label.type()).isEqualTo(DecthingsElementType.STRING);
        assertThat(label.shape()).isEmpty();
        DecthingsTensor scores = DecthingsTensor.fromBase64(output.get(1).path("data").get(1).asText());
        assertThat(scores.type()).isEqualTo(DecthingsElementType.F64);
        assertThat(scores.shape()).containsExactly(2, 1);
        assertThat(success.path("executedOnLauncher").path("type").asText()).isEqualTo("temporaryLauncher");

        JsonNode evaluations = d.result("getEvaluations", "{\"modelId\":\"" + modelId + "\"}");
        assertThat(evaluations.path("running")).isEmpty();
        String evaluationId = evaluations.path("finished").get(0).path("id").asText();
        assertThat(evaluations.path("finished").get(0).path("success").asBoolean()).isTrue();
        JsonNode again = d.result("getFinishedEvaluationResult", "{\"modelId\":\"" + modelId
                + "\",\"evaluationId\":\"" + evaluationId + "\"}");
        assertThat(again.path("success").path("output")).isEqualTo(output);
        d.result("cancelEvaluation", "{\"modelId\":\"" + modelId + "\",\"evaluationId\":\"" + evaluationId + "\"}");
        assertThat(d.error("getFinishedEvaluationResult", "{\"modelId\":\"" + modelId + "\",\"evaluationId\":\"x\"}")
                .path("code").asText()).isEqualTo("evaluation_not_found");

        JsonNode badShape = d.error("evaluate", "{\"modelId\":\"" + modelId + "\",\"params\":[{\"name\":\"x\","
                + "\"data\":{\"type\":\"data\",\"data\":[\"" + tensor(DecthingsTensor.f32(new float[] {1, 2}, 2))
                + "\"]}}]}");
        assertThat(badShape.path("reason").asText()).contains("Shape [2]");
        JsonNode notATensor = Decthings.json(base).error("evaluate", "{\"modelId\":\"" + modelId + "\",\"params\":[{\"name\":\"x\","
                + "\"data\":{\"type\":\"data\",\"data\":[\"AAAA\"]}}]}");
        assertThat(notATensor.path("reason").asText()).startsWith("Not a serialized DecthingsTensor");
    }

    @Test
    void evaluateUsesTheConfiguredPersistentLauncher() {
        d.result("setUsedPersistentLaunchersForEvaluate", "{\"modelId\":\"" + modelId + "\",\"persistentLaunchers\":["
                + "{\"persistentLauncherId\":\"" + Fixtures.EXAMPLE_LAUNCHER_ID + "\",\"level\":\"codeStart\"}]}");
        assertThat(d.result("getUsedPersistentLaunchersForEvaluate", "{\"modelId\":\"" + modelId + "\"}")
                .path("usedPersistentLaunchers").get(0).path("level").asText()).isEqualTo("codeStart");
        JsonNode success = d.result("evaluate", "{\"modelId\":\"" + modelId + "\",\"params\":[{\"name\":\"x\","
                + "\"data\":{\"type\":\"data\",\"data\":[\"" + tensor(DecthingsTensor.f32(new float[] {1, 2, 3}, 3))
                + "\"]}}]}").path("success");
        assertThat(success.path("executedOnLauncher").path("persistentLauncherId").asText())
                .isEqualTo(Fixtures.EXAMPLE_LAUNCHER_ID);
        assertThat(success.path("durations").has("createLauncher")).isFalse();
        assertThat(d.error("setUsedPersistentLaunchersForEvaluate", "{\"modelId\":\"" + modelId
                + "\",\"persistentLaunchers\":[{\"persistentLauncherId\":\"nope\",\"level\":\"launcher\"}]}")
                .path("code").asText()).isEqualTo("persistent_launcher_not_found");
    }

    @Test
    void evaluateAPublicModelFromADataset() {
        String pub = d.result("getModels", "{\"filter\":{\"names\":[\"review-sentiment\"]}}").path("models").get(0)
                .path("id").asText();
        JsonNode output = d.result("evaluate", "{\"modelId\":\"" + pub + "\",\"params\":[{\"name\":\"text\","
                + "\"data\":{\"type\":\"dataset\",\"datasetId\":\"" + Fixtures.EXAMPLE_DATASET_ID
                + "\",\"datasetKey\":\"reviews\"}}]}").path("success").path("output");
        assertThat(output).hasSize(2);
        assertThat(DecthingsTensor.fromBase64(output.get(1).path("data").get(0).asText()).type())
                .isEqualTo(DecthingsElementType.F32);
    }
}
