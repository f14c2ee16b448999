package dev.modelapi.mock.readme;

import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.model.CreateModelCodeOptions;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.ModelLanguage;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.ModelApiMockExtension;
import dev.modelapi.pieces.client.PiecesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java examples of {@code mock-server/README.md}, compiled and run by the build. The code between the
 * {@code README:…:begin/end} markers (here and in {@link MyClientTest}) is the README text, verbatim.
 */
class ReadmeExampleTest {

    // README:register:begin
    @RegisterExtension
    static ModelApiMockExtension mock = ModelApiMockExtension.of(ModelApiMock.builder()
            .seed(3)
            .apiKey("test-key")
            .rateLimitPerSecond(100));
    // README:register:end

    static void embeddedExample() throws Exception {
        // README:embedded:begin
        try (ModelApiMock mock = ModelApiMock.builder()
                .port(0)                 // a free port (the CLI default is 8080)
                .seed(7)                 // same seed and same calls: same ids, timestamps and data
                .apiKey("test-key")      // optional: Decthings calls then need "Authorization: Bearer test-key"
                .build()
                .start()) {
            DecthingsClient decthings = DecthingsClient.builder()
                    .baseUrl(mock.decthingsBaseUrl())       // http://127.0.0.1:<port>/v0
                    .apiKey("test-key")
                    .build();                               // binary framing, like the official clients
            PiecesClient pieces = PiecesClient.builder().baseUrl(mock.piecesBaseUrl()).build();

            String modelId = decthings.model().createModel(new CreateModelRequest()
                    .name("sentiment")
                    .description("demo")
                    .options(new CreateModelCodeOptions().language(ModelLanguage.PYTHON)))
                    .getResult().getModelId();
            System.out.println(modelId + ": " + pieces.models().modelsSnapshot().getIterable().size());

            mock.reset();                                   // back to the seeded state
            mock.wireMock().getAllServeEvents();            // WireMock's own Java API: journal, stubFor, verify
        }
        // README:embedded:end
    }

    @Test
    void embeddedExampleRuns() throws Exception {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            embeddedExample();
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString()).matches("(?s)[0-9a-f-]{36}: 14\\R");
    }

    @Test
    void registeredExtensionIsConfigured() {
        assertThat(mock.mock().seed()).isEqualTo(3);
        assertThat(mock.mock().settings().apiKey()).isEqualTo("test-key");
    }

    @Test
    void readmeShowsTheseSnippets() throws IOException {
        List<String> snippets = new ArrayList<>();
        snippets.addAll(snippets(Path.of("src/test/java/dev/modelapi/mock/readme/ReadmeExampleTest.java")));
        snippets.addAll(snippets(Path.of("src/test/java/dev/modelapi/mock/readme/MyClientTest.java")));
        assertThat(snippets).hasSize(3);
        String readme = Files.readString(Path.of("README.md"));
        for (String snippet : snippets) {
            assertThat(readme).as("mock-server/README.md must show this snippet verbatim").contains(snippet);
        }
    }

    /** The text between README markers, de-indented to the marker's column. */
    private static List<String> snippets(Path source) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().matches("// README:\\w+:begin")) {
                int indent = line.indexOf("//");
                StringBuilder sb = new StringBuilder();
                for (i++; !lines.get(i).trim().matches("// README:\\w+:end"); i++) {
                    String l = lines.get(i);
                    sb.append(l.length() >= indent ? l.substring(indent) : l.trim()).append('\n');
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
