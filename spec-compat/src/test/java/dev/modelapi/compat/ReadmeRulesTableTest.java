package dev.modelapi.compat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's rules table names exactly the rules the sources report: a new rule cannot land undocumented. */
class ReadmeRulesTableTest {

    @Test
    void theReadmeListsEveryRuleAndNoOther() throws IOException {
        Set<String> documented = matches(Files.readString(Path.of("README.md")), "(?m)^\\| `([a-z-]+)` \\|");
        Set<String> reported = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                reported.addAll(matches(Files.readString(source),
                        "(?:new Finding\\(|report\\()Severity\\.[A-Z_]+, \"([a-z-]+)\""));
            }
        }
        assertThat(reported).hasSizeGreaterThan(20);
        assertThat(documented).isEqualTo(reported);
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
