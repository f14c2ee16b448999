package dev.modelapi.spec;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages the project started from (copied verbatim to src/test/resources/seeds) are an independent oracle: every
 * field name and every code string a Decthings page shows must exist at that operation, and every Pieces endpoint of
 * the seed page must exist with its operationId and return type.
 */
class SeedPagesCoverageTest {
    private static final Pattern FIELD = Pattern.compile("(?m)^\\s*([A-Za-z][A-Za-z0-9]*)\\??\\s*:");
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z][A-Za-z0-9_]*)'");

    @TestFactory
    Stream<DynamicTest> decthingsSeedPagesAreCoveredAtTheirOperation() {
        SpecModel model = new SpecModel(ModelApiSpec.DECTHINGS.openApi());
        return Stream.of("createModel", "getModels", "createState", "setImage").map(method ->
                DynamicTest.dynamicTest(method, () -> {
                    String page = seed("decthings-" + method + ".txt");
                    assertThat(page).contains("Model / " + method);
                    String contract = page.substring(page.indexOf("Request parameters"), page.indexOf("\nExample"));

                    Operation op = model.api().getPaths().get("/Model/" + method).getPost();
                    assertThat(op).as("POST /Model/" + method).isNotNull();
                    List<Schema<?>> closure = model.closure(op);

                    Set<String> properties = new TreeSet<>();
                    Set<String> literals = new TreeSet<>();
                    for (Schema<?> s : closure) {
                        if (s.getProperties() != null) {
                            properties.addAll(s.getProperties().keySet());
                        }
                        if (s.getEnum() != null) {
                            s.getEnum().forEach(v -> literals.add(String.valueOf(v)));
                        }
                        if (s.getDiscriminator() != null) {
                            literals.addAll(s.getDiscriminator().getMapping().keySet());
                        }
                        if (s.getProperties() != null) {
                            s.getProperties().values().forEach(p -> {
                                if (p.getPattern() != null && p.getPattern().startsWith("^")) {
                                    literals.addAll(SpecModel.patternAlternatives(p.getPattern()));
                                }
                            });
                        }
                    }
                    Set<String> fields = matches(FIELD, contract);
                    Set<String> codes = matches(QUOTED, contract);
                    assertThat(fields).as("fields on the page").isNotEmpty();
                    assertThat(codes).as("quoted strings on the page").isNotEmpty();
                    assertThat(properties).as("properties of " + method).containsAll(fields);
                    assertThat(literals).as("codes and enum values of " + method).containsAll(codes);
                }));
    }

    @Test
    void piecesSeedPageEndpointsExistWithTheirOperationIdsAndReturnTypes() {
        String page = seed("pieces-model-api.txt");
        SpecModel model = new SpecModel(ModelApiSpec.PIECES.openApi());

        Matcher row = Pattern.compile("(?m)^([a-z][A-Za-z]+?)(POST|GET) (/\\S+) \\[(POST|WS|GET)]$").matcher(page);
        int endpoints = 0;
        while (row.find()) {
            endpoints++;
            String operationId = row.group(1);
            String doubled = row.group(3);
            String path = doubled.substring(0, doubled.length() / 2);
            var item = model.api().getPaths().get(path);
            assertThat(item).as("path " + path).isNotNull();
            Operation op = row.group(2).equals("GET") ? item.getGet() : item.getPost();
            assertThat(op).as(row.group(2) + " " + path).isNotNull();
            assertThat(op.getOperationId()).as("operationId of " + path).isEqualTo(operationId);

            Matcher signature = Pattern.compile("(?m)^(\\w+) " + operationId + "\\((\\w*)\\)$").matcher(page);
            assertThat(signature.find()).as("signature of " + operationId + " on the page").isTrue();
            String returnType = signature.group(1);
            Schema<?> ok = model.resolve(op.getResponses().get("200")).getContent().get("application/json").getSchema();
            assertThat(ok.get$ref()).as("200 schema of " + operationId).endsWith("/" + returnType);
        }
        assertThat(endpoints).as("endpoints listed on the seed page").isEqualTo(7);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String seed(String name) {
        try (InputStream in = SeedPagesCoverageTest.class.getResourceAsStream("/seeds/" + name)) {
            assertThat(in).as("seed page " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unused")
    private static List<String> lines(String s) {
        return new ArrayList<>(List.of(s.split("\n")));
    }
}
