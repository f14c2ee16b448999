package dev.modelapi.conformance.proxy;

import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.pieces.client.PiecesClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The root README's JUnit snippet for the proxy runs here, and the README shows it verbatim. */
class ProxyReadmeTest {

    @Test
    void theJunitSnippetRunsAgainstTheMock() throws Exception {
        try (ModelApiMock mock = ModelApiMock.builder().build().start()) {
            String piecesUrl = mock.piecesBaseUrl();
            // README:proxy:begin
            try (ValidatingProxy proxy = ValidatingProxy.builder()
                    .piecesUpstream(URI.create(piecesUrl))
                    .start()) {
                PiecesClient pieces = PiecesClient.builder().baseUrl(proxy.piecesUrl().toString()).build();
                pieces.models().modelsSnapshot();      // your test's calls, unchanged
                proxy.assertNoViolations();            // fails with one line per violation
            }
            // README:proxy:end
        }
    }

    @Test
    void theReadmeShowsTheSnippetAndTheCommands() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/modelapi/conformance/proxy/ProxyReadmeTest.java"));
        int begin = source.indexOf("            // README:proxy:begin");
        int end = source.indexOf("            // README:proxy:end");
        StringBuilder snippet = new StringBuilder();
        source.subList(begin + 1, end).forEach(l -> snippet.append(l.substring(Math.min(12, l.length()))).append('\n'));
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains("```java\n" + snippet + "```");
        assertThat(readme).contains("## Check the traffic you already have");
    }
}
