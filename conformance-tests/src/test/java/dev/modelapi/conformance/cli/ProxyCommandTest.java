package dev.modelapi.conformance.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code modelapi-conformance proxy}: serves until shut down, then writes the reports and gives CI its verdict. */
class ProxyCommandTest {

    @TempDir
    Path reports;

    private WireMockServer upstream;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void upstreamAnsweringHtml() {
        upstream = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        upstream.start();
        upstream.stubFor(get(urlPathEqualTo("/models")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html/>")));
    }

    @AfterEach
    void stop() {
        upstream.stop();
    }

    @Test
    void aViolationWithFailOnViolationExitsOneAndWritesTheReports() throws Exception {
        int port = freePort();
        CompletableFuture<Integer> status = start(port, "--fail-on-violation");
        await(port);
        HttpResponse<String> answer = send(port, "GET", "/models");
        assertThat(answer.headers().firstValue("x-modelapi-violations")).isPresent();
        send(port, "POST", "/__admin/shutdown");

        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("Validating proxy on port " + port)
                .contains("VIOLATION pieces modelsSnapshot content-type")
                .contains("1 exchanges, 1 violation(s);")
                .containsPattern("judging took \\d+ µs at p50, \\d+ µs at p99;");
        assertThat(reports.resolve("violations.json")).exists();
        assertThat(reports.resolve("junit/TEST-proxy-pieces.xml")).content().contains("<failure");
        assertThat(reports.resolve("proxy-report.html")).exists();
    }

    @Test
    void withoutTheFlagItExitsZero() throws Exception {
        int port = freePort();
        CompletableFuture<Integer> status = start(port);
        await(port);
        send(port, "GET", "/models");
        send(port, "POST", "/__admin/shutdown");
        assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void noUpstreamIsAUsageError() {
        int status = ConformanceCli.execute(new String[] {"proxy"}, new PrintStream(out, true), System.err);
        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--pieces-upstream");
    }

    private CompletableFuture<Integer> start(int port, String... extra) {
        String[] args = new String[6 + extra.length];
        args[0] = "proxy";
        args[1] = "--pieces-upstream";
        args[2] = upstream.baseUrl();
        args[3] = "--port=" + port;
        args[4] = "--report-dir";
        args[5] = reports.toString();
        System.arraycopy(extra, 0, args, 6, extra.length);
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> ConformanceCli.execute(args, console, console));
    }

    private void await(int port) throws Exception {
        for (int i = 0; i < 200; i++) {
            try {
                send(port, "GET", "/__admin/modelapi/violations");
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the proxy did not start: " + out.toString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(int port, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
