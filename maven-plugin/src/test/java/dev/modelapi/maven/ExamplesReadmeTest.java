package dev.modelapi.maven;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's section "Use it from your build" shows the projects under {@code examples/} verbatim (the invoker
 * builds and runs those projects in {@code mvn verify}), and each example names this build's version, so that a user
 * who copies one gets what was tested.
 */
class ExamplesReadmeTest {

    /** The module runs with {@code maven-plugin/} as its working directory. */
    private static final Path ROOT = Path.of("..");
    private static final Path EXAMPLES = ROOT.resolve("examples");
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)(?://|<!--) README:([\\w-]+):begin(?: -->)?$");
    private static final Pattern END = Pattern.compile("^\\s*(?://|<!--) README:([\\w-]+):end(?: -->)?$");

    @Test
    void readmeShowsEveryExampleSnippetVerbatim() throws IOException {
        String section = section(Files.readString(ROOT.resolve("README.md")), "## Use it from your build");
        List<String> snippets = new ArrayList<>();
        for (Path file : exampleSources()) {
            snippets.addAll(snippets(file));
        }
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(7);
        for (String snippet : snippets) {
            assertThat(section).as("README 'Use it from your build' must show this snippet verbatim").contains(snippet);
        }
    }

    @Test
    void readmeNamesEveryExample() throws IOException {
        String section = section(Files.readString(ROOT.resolve("README.md")), "## Use it from your build");
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> "examples/" + d.getFileName()).toList();
            assertThat(names).hasSize(3);
            names.forEach(name -> assertThat(section).contains("`" + name + "`"));
        }
    }

    @Test
    void everyExampleNamesThisBuildsVersion() throws IOException {
        String version = System.getProperty("modelapi.project.version");
        assertThat(version).as("set by surefire from ${project.version}").isNotBlank();
        try (Stream<Path> poms = Files.list(EXAMPLES)) {
            for (Path pom : poms.map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(pom)).as(pom + " (RELEASING.md: bump the examples with the version)")
                        .contains("<modelapi.version>" + version + "</modelapi.version>");
            }
        }
    }

    private static List<Path> exampleSources() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".java") || f.getFileName().toString().equals("pom.xml"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .sorted().toList();
        }
    }

    /** From a heading to the next heading of the same level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has the section " + heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? markdown.substring(start) : markdown.substring(start, end);
    }

    /** The text between README markers, de-indented to the marker's column. */
    private static List<String> snippets(Path source) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (!begin.matches()) {
                continue;
            }
            int indent = begin.group(1).length();
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !END.matcher(lines.get(i)).matches(); i++) {
                String line = lines.get(i);
                text.append(line.length() >= indent ? line.substring(indent) : line.trim()).append('\n');
            }
            assertThat(i).as("README:" + begin.group(2) + ":end in " + source).isLessThan(lines.size());
            out.add(text.toString());
        }
        return out;
    }
}
