package dev.modelapi.conformance.suite;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.spec.ModelApiSpec;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PROMISES.md} stays the catalogue of the whole contract: every operation of both specs has at least one row,
 * and every check id it names is one the suite has.
 */
class PromiseCatalogueTest {

    private static final Path CATALOGUE = Path.of("PROMISES.md");

    @Test
    void everyOperationOfBothSpecsHasAPromiseRow() throws IOException {
        String text = Files.readString(CATALOGUE);
        Set<String> rowOperations = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ((?:`\\w+`(?:, )?)+) \\|").matcher(text);
        while (row.find()) {
            Matcher op = Pattern.compile("`(\\w+)`").matcher(row.group(1));
            while (op.find()) {
                rowOperations.add(op.group(1));
            }
        }
        Set<String> specOperations = new TreeSet<>();
        for (ModelApiSpec spec : ModelApiSpec.values()) {
            spec.openApi().getPaths().values().forEach(item -> item.readOperations().stream()
                    .map(Operation::getOperationId).forEach(specOperations::add));
        }
        assertThat(specOperations).hasSizeGreaterThan(40);
        assertThat(rowOperations).containsAll(specOperations);
    }

    @Test
    void everyCheckNamedExists() throws IOException {
        Set<String> ids = Arrays.stream(CheckId.values()).map(CheckId::key).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        Matcher cell = Pattern.compile("`([a-z]+(?:-[a-z]+)+|stateful|query|uniqueness|auth|envelope)`").matcher(
                Files.readString(CATALOGUE));
        while (cell.find()) {
            named.add(cell.group(1));
        }
        named.removeIf(n -> n.startsWith("x-") || n.equals("returns-existing"));
        assertThat(ids).containsAll(named);
        assertThat(named).as("every check appears in the catalogue").containsAll(ids);
    }
}
