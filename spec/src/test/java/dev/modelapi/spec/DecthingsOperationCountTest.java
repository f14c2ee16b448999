package dev.modelapi.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Decthings document describes the complete Model API of the state/snapshot generation: the 33 methods of
 * docs/decthings-wire-format.md §1 (JS {@code @decthings/api-client} 0.5.15, Rust {@code decthings-api} 0.1.5, Python 0.0.4, the
 * decthings.com reference pages), no more and no fewer.
 */
class DecthingsOperationCountTest {

    /** The methods of the generation, in the order of the TypeScript {@code ModelRpc} interface. */
    static final Set<String> EXPECTED = Set.of(
            "createModel",
            "waitForModelToBeCreated",
            "deleteModel",
            "snapshotModel",
            "updateSnapshot",
            "deleteSnapshot",
            "updateModel",
            "getModels",
            "setFilesystemSize",
            "getFilesystemUsage",
            "setImage",
            "createState",
            "uploadState",
            "cancelCreateState",
            "getCreatingStates",
            "waitForStateToBeCreated",
            "updateModelState",
            "setActiveModelState",
            "deleteModelState",
            "getModelState",
            "getSnapshotState",
            "train",
            "getTrainingStatus",
            "getTrainingMetrics",
            "getTrainingSysinfo",
            "cancelTrainingSession",
            "clearPreviousTrainingSession",
            "evaluate",
            "getEvaluations",
            "getFinishedEvaluationResult",
            "cancelEvaluation",
            "setUsedPersistentLaunchersForEvaluate",
            "getUsedPersistentLaunchersForEvaluate");

    @Test
    void theExpectedListHasTheThirtyThreeMethodsOfTheGeneration() {
        assertThat(EXPECTED).hasSize(33);
    }

    @Test
    void everyMethodOfTheGenerationIsInTheSpecAndNothingElse() {
        Set<String> actual = operationIds(ModelApiSpec.DECTHINGS.openApi());

        Set<String> missing = new TreeSet<>(EXPECTED);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(EXPECTED);

        assertThat(missing).as("Decthings Model methods missing from the spec").isEmpty();
        assertThat(unexpected).as("operations in the spec that are not methods of the generation").isEmpty();
        assertThat(actual).hasSize(EXPECTED.size());
    }

    @Test
    void eachMethodIsExactlyOnePostAtModelSlashItsName() {
        OpenAPI api = ModelApiSpec.DECTHINGS.openApi();
        for (String method : EXPECTED) {
            var item = api.getPaths().get("/Model/" + method);
            assertThat(item).as("path /Model/" + method).isNotNull();
            assertThat(item.readOperations()).as("operations at /Model/" + method).hasSize(1);
            assertThat(item.getPost()).as("POST /Model/" + method).isNotNull();
            assertThat(item.getPost().getOperationId()).as("operationId at /Model/" + method).isEqualTo(method);
        }
    }

    private static Set<String> operationIds(OpenAPI api) {
        Set<String> ids = new TreeSet<>();
        api.getPaths().forEach((path, item) -> {
            for (Operation op : item.readOperations()) {
                ids.add(op.getOperationId() != null ? op.getOperationId() : "<no operationId> " + path);
            }
        });
        return ids;
    }
}
