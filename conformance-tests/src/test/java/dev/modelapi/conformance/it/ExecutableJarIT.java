package dev.modelapi.conformance.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main job, exactly as users run it (after {@code package}, under Failsafe):
 * {@code java -jar conformance-tests/target/modelapi-conformance.jar} with no URL tests the embedded mock, every check
 * passes, the exit status is 0 and the last line is {@code N passed, 0 failed, N skipped}.
 */
class ExecutableJarIT {

    @Test
    void theJarTestsTheEmbeddedMockAndEverythingPasses(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("conformance.jar", "target/modelapi-conformance.jar"));
        assertThat(jar).exists();
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(javaBin(), "-jar", jar.toAbsolutePath().toString(),
                "--report-dir", dir.resolve("reports").toString(), "--seed", "42")
                .redirectErrorStream(false)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String all = String.join("\n", lines);
        assertThat(p.exitValue()).as(all).isZero();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 0 failed, \\d+ skipped");
        assertThat(all).contains("== Decthings Model API ==", "== Pieces OS Model API ==",
                "Decthings Model API — operations × checks", "Pieces OS Model API — operations × checks");
        assertThat(dir.resolve("reports/junit/TEST-conformance-decthings.xml")).exists();
        assertThat(dir.resolve("reports/junit/TEST-conformance-pieces.xml")).exists();
        assertThat(dir.resolve("reports/conformance-report.html")).exists();
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Path jar = Path.of(System.getProperty("conformance.jar", "target/modelapi-conformance.jar"));
        Process p = new ProcessBuilder(javaBin(), "-jar", jar.toAbsolutePath().toString(), "--only", "nonsense")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(text).isEqualTo(2);
        assertThat(text).contains("Unknown check 'nonsense'");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
