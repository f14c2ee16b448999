package dev.modelapi.spec;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README's "Release" section promises is what CI does: each of its commands is a line of {@code .ci/run};
 * and the pieces of a publishable release are in the repository (license, POM metadata, reproducible timestamp,
 * procedure, changelog, scripts).
 */
class ReleaseReadinessTest {

    /** The module runs with {@code spec/} as its working directory. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyCommandOfTheReadmesReleaseSectionRunsInCi() throws IOException {
        assertSectionRunsInCi("Release");
    }

    @Test
    void everyCommandOfTheReadmesBreakingChangeGateRunsInCi() throws IOException {
        assertSectionRunsInCi("Breaking-change gate");
    }

    @Test
    void everyCommandOfTheReadmesRenderedReferenceSectionRunsInCi() throws IOException {
        assertSectionRunsInCi("Rendered reference");
    }

    @Test
    void everyCommandOfTheReadmesPeerToolsSectionRunsInCi() throws IOException {
        assertSectionRunsInCi("Peer tools: Specmatic and Prism");
    }

    private static void assertSectionRunsInCi(String heading) throws IOException {
        List<String> commands = sectionCommands(Files.readString(ROOT.resolve("README.md")), heading);
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::trim).toList();

        assertThat(commands).as("commands in README '" + heading + "'").isNotEmpty();
        assertThat(ci).containsAll(commands);
        for (String command : commands) {
            String program = command.startsWith("java -jar ") ? command.split(" ")[2] : command.split(" ")[0];
            assertThat(ROOT.resolve(program)).as(command).satisfiesAnyOf(
                    p -> assertThat(p).isRegularFile().isExecutable(),
                    // a jar the build makes: its module must be in the reactor
                    p -> assertThat(Files.readString(ROOT.resolve("pom.xml")))
                            .contains("<module>" + Path.of(program).getName(0) + "</module>"));
        }
    }

    static List<String> sectionCommands(String readme, String heading) {
        Matcher section = Pattern.compile("(?s)\\n## " + Pattern.quote(heading) + "\\n(.*?)(\\n## |$)").matcher(readme);
        assertThat(section.find()).as("README has a '## " + heading + "' section").isTrue();
        Matcher block = Pattern.compile("(?s)```bash\\n(.*?)```").matcher(section.group(1));
        List<String> commands = new ArrayList<>();
        while (block.find()) {
            for (String line : block.group(1).split("\\n")) {
                String command = line.replaceFirst("\\s+#.*$", "").trim();
                if (!command.isEmpty() && !command.startsWith("#")) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    @Test
    void theRootPomCarriesWhatCentralAndReproducibleBuildsNeed() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        Document pom = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        for (String path : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
                "developers/developer/name", "scm/connection", "scm/developerConnection", "scm/url",
                "properties/project.build.outputTimestamp")) {
            assertThat(xpath.evaluate("/project/" + path, pom)).as(path).isNotBlank();
        }
        assertThat(xpath.evaluate("/project/licenses/license/name", pom)).isEqualTo("Apache License, Version 2.0");
        assertThat(xpath.evaluate("/project/profiles/profile[id='release']/build/plugins/plugin/artifactId", pom))
                .isEqualTo("maven-gpg-plugin");
    }

    @Test
    void licenseProcedureAndChangelogAreInTheRepository() throws IOException {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004",
                "END OF TERMS AND CONDITIONS");
        assertThat(Files.readString(ROOT.resolve("RELEASING.md"))).contains("CI never publishes", "versions:set",
                "git tag", "-Prelease");
        assertThat(Files.readString(ROOT.resolve("CHANGELOG.md"))).contains("## [Unreleased]");
    }
}
