package dev.modelapi.conformance.it;

import dev.modelapi.pieces.client.PiecesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Check the traffic you already have" commands, as users run them: the mock jar as the upstream, the
 * conformance jar's {@code proxy} in front of it (the README's command line, with free ports and a temporary report
 * folder), traffic through it, the report on demand, the shutdown, the exit status and the reports.
 */
class ProxyJarIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theReadmesProxyCommandsWork(@TempDir Path dir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> commands = readmeCommands(Files.readString(root.resolve("README.md")));
        assertThat(commands).hasSize(3);
        int upstreamPort = freePort();
        int proxyPort = freePort();
        Path reports = dir.resolve("proxy-reports");

        Process mock = new ProcessBuilder(javaBin(), "-jar", root.resolve("mock-server/target/modelapi-mock.jar").toString(),
                "--port", String.valueOf(upstreamPort)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mock.txt").toFile()).start();
        Process proxy = null;
        try {
            String proxyCommand = ports(commands.get(0), upstreamPort, proxyPort)
                    .replace("--report-dir proxy-reports", "--report-dir " + reports);
            assertThat(proxyCommand).startsWith("java -jar conformance-tests/target/modelapi-conformance.jar proxy ");
            List<String> argv = new ArrayList<>(List.of(proxyCommand.split(" ")));
            argv.set(0, javaBin());
            proxy = new ProcessBuilder(argv).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("proxy.txt").toFile()).start();
            await(upstreamPort, "/__admin/modelapi");
            await(proxyPort, "/__admin/modelapi/violations");

            PiecesClient pieces = PiecesClient.builder().baseUrl("http://localhost:" + proxyPort).build();
            assertThat(pieces.models().modelsSnapshot().getIterable()).isNotEmpty();

            String report = curl(ports(commands.get(1), upstreamPort, proxyPort));
            assertThat(report).contains("\"exchanges\" : 1").contains("\"violations\" : [ ]");
            curl(ports(commands.get(2), upstreamPort, proxyPort));

            assertThat(proxy.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String console = Files.readString(dir.resolve("proxy.txt"));
            assertThat(proxy.exitValue()).as(console).isZero();
            assertThat(console).contains("1 exchanges, 0 violation(s)");
            assertThat(reports.resolve("violations.json")).exists();
            assertThat(reports.resolve("junit/TEST-proxy-pieces.xml")).exists();
            assertThat(reports.resolve("proxy-report.html")).exists();
        } finally {
            mock.destroy();
            if (proxy != null) {
                proxy.destroyForcibly();
            }
        }
    }

    /** The bash block of the README's "Check the traffic you already have", comments dropped. */
    static List<String> readmeCommands(String readme) {
        Matcher section = Pattern.compile("(?s)\\n## Check the traffic you already have\\n(.*?)(\\n## |$)").matcher(readme);
        assertThat(section.find()).isTrue();
        Matcher block = Pattern.compile("(?s)```bash\\n(.*?)```").matcher(section.group(1));
        assertThat(block.find()).isTrue();
        List<String> out = new ArrayList<>();
        for (String line : block.group(1).split("\n")) {
            String command = line.replaceFirst("\\s+#.*$", "").trim();
            if (!command.isEmpty()) {
                out.add(command);
            }
        }
        return out;
    }

    private static String ports(String command, int upstream, int proxy) {
        return command.replace("localhost:8080", "localhost:" + upstream).replace("localhost:8090", "localhost:" + proxy)
                .replace("--port 8090", "--port " + proxy);
    }

    /** Runs a README {@code curl -s [-X METHOD] URL} line with the JDK's client. */
    private String curl(String command) throws Exception {
        Matcher m = Pattern.compile("^curl -s(?: -X (\\w+))? (\\S+)$").matcher(command);
        assertThat(m.matches()).as(command).isTrue();
        String method = m.group(1) == null ? "GET" : m.group(1);
        return http.send(HttpRequest.newBuilder(URI.create(m.group(2))).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void await(int port, String path) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on " + port);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
