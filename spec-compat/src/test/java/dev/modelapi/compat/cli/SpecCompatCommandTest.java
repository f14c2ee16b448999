package dev.modelapi.compat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelapi.spec.ModelApiSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate as CI runs it: a real git repository holding the kit's specs on {@code main}, a branch that edits them,
 * and the command's exit code, text and JSON.
 */
class SpecCompatCommandTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path repo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void mainHoldsTheKitsSpecs() throws Exception {
        git("init", "-q", "-b", "main");
        for (String doc : SpecCompatCommand.DOCUMENTS) {
            Path file = repo.resolve("spec").resolve(doc);
            Files.createDirectories(file.getParent());
            Files.writeString(file, resource(doc));
        }
        Files.writeString(repo.resolve(SpecCompatCommand.CHANGES), "# Contract changes\n");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
    }

    @Test
    void anUnchangedBranchPasses() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("merge-base with main").contains("No changes to the contract.");
    }

    @Test
    void aRemovedOperationFailsTheGateAndSaysHowToAcknowledgeIt() throws Exception {
        removeOperation("modelScoresIncrement");

        assertThat(run()).isEqualTo(1);
        assertThat(out.toString())
                .contains("BREAKING")
                .contains("openapi/pieces-model-api.yaml  modelScoresIncrement  operation-removed")
                .contains("not acknowledged")
                .contains("- `modelScoresIncrement` operation-removed");
    }

    @Test
    void aLineTheChangeAddsToChangesMdAcknowledgesTheBreak() throws Exception {
        removeOperation("modelScoresIncrement");
        Files.writeString(repo.resolve(SpecCompatCommand.CHANGES),
                "- `modelScoresIncrement` operation-removed: scores are computed by the server now\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(run()).as(out.toString()).isZero();
        assertThat(out.toString()).contains("[acknowledged] openapi/pieces-model-api.yaml  modelScoresIncrement")
                .contains("No unacknowledged breaking change.");
    }

    @Test
    void anAcknowledgementAlreadyOnMainDoesNotWaveANewBreakThrough() throws Exception {
        git("checkout", "-q", "main");
        Files.writeString(repo.resolve(SpecCompatCommand.CHANGES),
                "- `modelScoresIncrement` operation-removed: an old note\n", java.nio.file.StandardOpenOption.APPEND);
        git("commit", "-q", "-am", "old note");
        git("checkout", "-q", "-b", "later");
        removeOperation("modelScoresIncrement");

        assertThat(run()).isEqualTo(1);
    }

    @Test
    void theJsonReportListsEveryFindingWithItsAcknowledgement() throws Exception {
        removeOperation("modelScoresIncrement");
        Path json = repo.resolve("target/spec-compat.json");

        assertThat(run("--json", json.toString())).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(json.toFile()).path("findings");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.path("severity").asText()).isEqualTo("BREAKING");
            assertThat(f.path("rule").asText()).isEqualTo("operation-removed");
            assertThat(f.path("operation").asText()).isEqualTo("modelScoresIncrement");
            assertThat(f.path("document").asText()).isEqualTo("openapi/pieces-model-api.yaml");
            assertThat(f.path("acknowledged").asBoolean(true)).isFalse();
        });
    }

    @Test
    void aFolderCanBeTheBase() throws Exception {
        Path copy = Files.createTempDirectory(repo.getParent(), "base");
        for (String doc : SpecCompatCommand.DOCUMENTS) {
            Path file = copy.resolve("spec").resolve(doc);
            Files.createDirectories(file.getParent());
            Files.writeString(file, resource(doc));
        }
        removeOperation("modelScoresIncrement");

        assertThat(run("--base", copy.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("against " + copy.toAbsolutePath().normalize());
    }

    @Test
    void printBaseGivesTheMergeBaseCommitForOtherChecks() throws Exception {
        String mainCommit = gitOutput("rev-parse", "main");
        git("commit", "-q", "--allow-empty", "-m", "on the branch");

        assertThat(run("--print-base")).isZero();
        assertThat(out.toString().trim()).isEqualTo(mainCommit);
    }

    @Test
    void anUnknownBaseIsAUsageError() {
        assertThat(run("--base", "no-such-ref")).isEqualTo(2);
        assertThat(err.toString()).contains("'no-such-ref' is neither a folder nor a git ref");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--bsae", "main")).isEqualTo(2);
        assertThat(err.toString()).contains("--bsae");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--repo";
        all[1] = repo.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return SpecCompatCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** Removes the path item method whose operationId is {@code operationId} from the Pieces spec of the work tree. */
    private void removeOperation(String operationId) throws IOException {
        Path file = repo.resolve("spec/openapi/pieces-model-api.yaml");
        ObjectNode spec = (ObjectNode) YAML.readTree(file.toFile());
        boolean removed = false;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            ObjectNode item = (ObjectNode) paths.next().getValue();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                if (operationId.equals(ops.next().getValue().path("operationId").asText())) {
                    ops.remove();
                    removed = true;
                }
            }
        }
        assertThat(removed).as(operationId).isTrue();
        YAML.writeValue(file.toFile(), spec);
    }

    private void git(String... args) throws Exception {
        gitOutput(args);
    }

    private String gitOutput(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=test", "-c",
                "user.email=test@example.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output.trim();
    }

    private static String resource(String doc) throws IOException {
        try (InputStream in = ModelApiSpec.class.getClassLoader().getResourceAsStream(doc)) {
            assertThat(in).as(doc).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
