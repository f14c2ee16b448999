package dev.modelapi.mock.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar mock-server/target/modelapi-mock.jar} as a user runs it: a separate process, one line on stdout,
 * both APIs and the progress WebSocket on the one port, stopped by a signal.
 */
class ExecutableJarIT {

    private static final Pattern LINE = Pattern.compile("^Decthings: (\\S+)  Pieces: (\\S+)$");

    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private String[] start(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("modelapi.mock.jar", "target/modelapi-mock.jar"));
        assertThat(Files.isRegularFile(jar)).as(jar.toString()).isTrue();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String line = first.get(60, TimeUnit.SECONDS);
        Matcher m = LINE.matcher(line == null ? "" : line);
        assertThat(m.matches()).as("startup line: %s", line).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    @Test
    void servesBothApisAndTheWebSocketOnOnePort() throws Exception {
        String[] urls = start("--port", "0", "--seed", "9");
        assertThat(Http.head(urls[1] + "/.well-known/health").status()).isEqualTo(200);
        JsonNode models = Decthings.framed(urls[0]).result("getModels", "{}");
        assertThat(models.path("total").asInt()).isEqualTo(2);

        String phi3 = "9f4e2b18-7a6c-4d3f-95e0-1b8c4a7d2e66";
        List<String> frames = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> completed = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(urls[1].replace("http", "ws") + "/model/" + phi3 + "/download/progress"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                frames.add(data.toString());
                                if (data.toString().contains("COMPLETED")) {
                                    completed.complete(null);
                                }
                                socket.request(1);
                                return null;
                            }
                        }).get(30, TimeUnit.SECONDS);
        assertThat(Http.post(urls[1] + "/model/" + phi3 + "/download", null, new byte[0]).status()).isEqualTo(200);
        completed.get(60, TimeUnit.SECONDS);
        ws.abort();
        assertThat(frames.get(0)).contains("INITIALIZED");
        assertThat(frames).anyMatch(f -> f.contains("IN-PROGRESS"));
    }

    @Test
    void recordedModeServesTheSpecExamples() throws Exception {
        String[] urls = start("--port", "0", "--mode", "recorded");
        JsonNode e = Decthings.json(urls[0], "Prefer", "code=model_not_found").error("deleteModel",
                "{\"modelId\":\"m\"}");
        assertThat(e.path("code").asText()).isEqualTo("model_not_found");
        assertThat(Http.get(urls[1] + "/model/any").text()).contains("Llama-3 8B");
    }
}
