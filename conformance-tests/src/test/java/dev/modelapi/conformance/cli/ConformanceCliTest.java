package dev.modelapi.conformance.cli;

import dev.modelapi.mock.ModelApiMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The CLI in-process: exit statuses, the console output and the reports. */
class ConformanceCliTest {

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        String lastLine() {
            List<String> lines = lines();
            return lines.get(lines.size() - 1);
        }
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ConformanceCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheOptions() {
        Run run = cli("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--decthings-url", "--pieces-url", "--api-key", "--pieces-app-id",
                "--transport", "--read-only", "--only", "--skip", "--report-dir", "--seed");
    }

    @Test
    void unknownCheckIsBadUsage(@TempDir Path dir) {
        Run run = cli("--only", "status-code,schema", "--report-dir", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("Unknown check 'schema'").contains("response-schema");
    }

    @Test
    void unknownOptionAndBadTransportAreBadUsage() {
        assertThat(cli("--no-such-option").status()).isEqualTo(2);
        Run run = cli("--transport", "grpc", "--decthings-url", "http://127.0.0.1:1/v0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("grpc");
    }

    @Test
    void unreachableTargetIsExit2WithAClearMessage(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run run = cli("--decthings-url", "http://127.0.0.1:" + port + "/v0", "--report-dir", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("error: cannot reach the Decthings deployment at http://127.0.0.1:" + port + "/v0");
    }

    @Test
    void passingRunExitsZeroWithTableReportsAndTheSummaryLast(@TempDir Path dir) throws Exception {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).seed(4).apiKey("k").build().start()) {
            Run run = cli("--decthings-url", mock.decthingsBaseUrl(), "--api-key", "k", "--only",
                    "status-code,envelope,error-union", "--report-dir", dir.toString(), "--seed", "3");
            assertThat(run.status()).as(run.out()).isZero();
            assertThat(run.out()).contains("== Decthings Model API ==", "createModel", "operations × checks");
            Matcher m = Pattern.compile("^(\\d+) passed, (\\d+) failed, (\\d+) skipped$").matcher(run.lastLine());
            assertThat(m.matches()).as(run.lastLine()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(3 * 33);
            assertThat(m.group(2)).isEqualTo("0");
            assertThat(dir.resolve("conformance-report.md")).exists();
            assertThat(dir.resolve("conformance-report.html")).exists();
            assertThat(dir.resolve("conformance-results.json")).exists();
            String xml = Files.readString(dir.resolve("junit/TEST-conformance-decthings.xml"));
            assertThat(xml).contains("tests=\"99\"", "failures=\"0\"",
                    "<testcase classname=\"decthings.createModel\" name=\"status-code\"");
            String md = Files.readString(dir.resolve("conformance-report.md"));
            assertThat(md).contains("## Coverage — Decthings Model API", "## Spec operations never exercised");
        }
    }

    @Test
    void failingRunExitsOneAndPrintsExpectedActualAndAReproducer(@TempDir Path dir) throws Exception {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).seed(4).apiKey("k").build().start()) {
            mock.wireMock().stubFor(post(urlPathEqualTo("/v0/Model/snapshotModel")).atPriority(1)
                    .willReturn(okJson("{\"result\": {}}")));
            Run run = cli("--decthings-url", mock.decthingsBaseUrl(), "--api-key", "k", "--only", "response-schema",
                    "--report-dir", dir.toString());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).contains("✘ decthings snapshotModel · response-schema", "expected:", "actual:",
                    "reproduce: curl -sS -D - -X POST '" + mock.decthingsBaseUrl() + "/Model/snapshotModel'",
                    "\"Authorization: Bearer $CONFORMANCE_API_KEY\"");
            assertThat(run.out()).doesNotContain("Bearer k'");
            // framed (binary) requests are reproduced from a file that the command names
            Matcher file = Pattern.compile("--data-binary @'([^']+\\.request\\.bin)'").matcher(run.out());
            assertThat(file.find()).isTrue();
            assertThat(Path.of(file.group(1))).exists();
            assertThat(run.lastLine()).matches("\\d+ passed, [1-9]\\d* failed, \\d+ skipped");
        }
    }
}
