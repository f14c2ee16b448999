package dev.modelapi.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "{@code file.md §N}" citation in the repository's code, docs and spec names a document of this repository
 * (relative to the repository root or to the citing file) that has a section headed {@code N.}. A citation of
 * reading material that is not in the repository, or of a section that was renumbered away, fails the build.
 */
class DocumentCitationsTest {

    private static final Pattern CITATION = Pattern.compile("([A-Za-z0-9_./-]+\\.md) ?§ ?(\\d+)");
    private static final Set<String> SCANNED = Set.of("java", "md", "xml", "yaml", "yml", "mustache", "sh", "properties");
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", ".git", ".idea");

    /** The module runs with the {@code spec/} folder as its working directory. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyCitedDocumentAndSectionExistsInThisRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int citations = 0;
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(DocumentCitationsTest::scanned).toList()) {
                Matcher m = CITATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    citations++;
                    String problem = problem(file, m.group(1), m.group(2));
                    if (problem != null) {
                        broken.add(ROOT.relativize(file) + ": " + m.group() + " — " + problem);
                    }
                }
            }
        }
        assertThat(citations).as("citations found (the scan reads the repository)").isPositive();
        assertThat(broken).isEmpty();
    }

    private static String problem(Path citing, String document, String section) {
        Path cited = Stream.of(ROOT.resolve(document), citing.getParent().resolve(document))
                .map(Path::normalize).filter(p -> p.startsWith(ROOT) && Files.isRegularFile(p)).findFirst().orElse(null);
        if (cited == null) {
            return "no such document in this repository";
        }
        Pattern heading = Pattern.compile("(?m)^#{1,6} " + section + "\\.");
        return heading.matcher(read(cited)).find() ? null : "the document has no section " + section;
    }

    private static boolean scanned(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        for (Path part : ROOT.relativize(p)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && SCANNED.contains(name.substring(dot + 1));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
