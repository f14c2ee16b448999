package dev.modelapi.mock.cli;

import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's main, in-process: flags, the one startup line, serving until stopped. */
class MockMainTest {

    private static final Pattern LINE = Pattern.compile(
            "^Decthings: (http://127\\.0\\.0\\.1:(\\d+)/v0)  Pieces: (http://127\\.0\\.0\\.1:(\\d+))$");

    @Test
    void startsOnAFreePortPrintsOneLineAndServesUntilStopped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> MockMain.run(
                new String[] {"--port", "0", "--seed", "7", "--api-key", "k", "--rate-limit", "1000",
                        "--max-body-mib", "8", "--mode", "SIMULATE"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true), stop));
        String line = awaitLine(out);
        Matcher m = LINE.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(m.group(2)).isEqualTo(m.group(4));
        String decthings = m.group(1);
        String pieces = m.group(3);

        assertThat(Http.head(pieces + "/.well-known/health").status()).isEqualTo(200);
        Http.Answer noKey = Http.postJson(decthings + "/Model/deleteModel", "{\"modelId\":\"x\"}");
        assertThat(noKey.text()).contains("bad_credentials");
        assertThat(Http.postJson(decthings + "/Model/deleteModel", "{\"modelId\":\"x\"}", "Authorization",
                "Bearer k").text()).contains("model_not_found");

        stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim().lines()).hasSize(1);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpListsEveryFlag() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MockMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, new CountDownLatch(0));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--bind", "--mode", "--seed",
                "--api-key", "--mappings", "--record-from", "--record-to", "--max-body-mib", "--rate-limit",
                "--max-request-journal-entries", "--no-request-journal", "--verbose", "--help");
    }

    @Test
    void badArgumentsExitWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(MockMain.run(new String[] {"--mode", "replay"}, System.out, e, new CountDownLatch(0))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown mode 'replay'");
        assertThat(MockMain.run(new String[] {"--record-from", "http://x"}, System.out, e, new CountDownLatch(0)))
                .isEqualTo(2);
        assertThat(MockMain.run(new String[] {"--port", "-1"}, System.out, e, new CountDownLatch(0))).isEqualTo(2);
        assertThat(MockMain.run(new String[] {"--bogus"}, System.out, e, new CountDownLatch(0))).isEqualTo(2);
        assertThat(MockMain.run(new String[] {"--max-request-journal-entries", "0"}, System.out, e,
                new CountDownLatch(0))).isEqualTo(2);
        assertThat(MockMain.run(new String[] {"--no-request-journal", "--record-from", "http://x", "--record-to",
                "target/never"}, System.out, e, new CountDownLatch(0))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max-request-journal-entries must be positive",
                "Recording reads the request journal");
    }

    private static String awaitLine(ByteArrayOutputStream out) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String s = out.toString(StandardCharsets.UTF_8);
            if (s.contains("\n")) {
                return s.substring(0, s.indexOf('\n')).trim();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no startup line");
    }
}
