package dev.modelapi.generated;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps templates/ honest: each patched template differs from the upstream one of the pinned generator in exactly
 * the one line templates/README.md explains, each replaced template still replaces the upstream version it was
 * written against (a generator upgrade that changes one of them fails here, so that the patch is re-checked), and
 * every file in templates/ is documented.
 */
class TemplatePatchTest {

    private static final Path TEMPLATES = Path.of("templates");

    /** One-line patches: template → the number of the changed line (1-based). */
    private static final Map<String, List<Integer>> PATCHED = Map.of(
            "libraries/native/model.mustache", List.of(65),
            "libraries/native/pojo.mustache", List.of(33),
            "typeInfoAnnotation.mustache", List.of(11),
            "jaxrs-spec/apiInterface.mustache", List.of(7, 9));

    /** Upstream 7.25.0 SHA-256 of every template we override. */
    private static final Map<String, String> UPSTREAM_SHA256 = Map.of(
            "libraries/native/model.mustache", "580d69d9b6ad8c414ecb824baa74f2b01a49f090998cc997bb0b3eca400315c7",
            "libraries/native/pojo.mustache", "da6e4c67b9582efe23cc9a50d58742e902c8a56215b4e537b420b99f024c55d7",
            "typeInfoAnnotation.mustache", "f33bd9c7b238f79bdb2a579cf5d9553a320b86ebcc544674396925ca8a0cef0f",
            "oneof_interface.mustache", "f02e8ca70fee65d05636ff083a70486cf323c5a79a33d7f412933d20757163cc",
            "libraries/native/modelEnum.mustache", "e8c067988a35cea3ee2bae577d5fd3d73535172c0fcb011d8f4bae8c9698e125",
            "modelInnerEnum.mustache", "dfa3635b5207d11a93ee73e25f08fce0edc321ca2856e5ec5fb8a842ce4a0b34",
            "jaxrs-spec/apiInterface.mustache", "5296f47257da0ddd2a8604d1e4262fd3936f9c12fec7f4ecd99dc648c1034b30");

    /** Where the generator jar keeps the upstream of one of our templates: jaxrs-spec/ is the stubs' folder. */
    private static String upstreamPath(String template) {
        return template.startsWith("jaxrs-spec/")
                ? "JavaJaxRS/spec/" + template.substring("jaxrs-spec/".length())
                : "Java/" + template;
    }

    private static byte[] upstream(String template) throws IOException {
        try (InputStream in = TemplatePatchTest.class.getClassLoader().getResourceAsStream(upstreamPath(template))) {
            assertThat(in).as("upstream template " + upstreamPath(template) + " in the openapi-generator jar").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void overriddenUpstreamTemplatesAreTheOnesThePatchesWereWrittenAgainst() throws Exception {
        for (Map.Entry<String, String> e : UPSTREAM_SHA256.entrySet()) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upstream(e.getKey())));
            assertThat(sha).as("upstream " + upstreamPath(e.getKey()) + " changed: re-apply templates/" + e.getKey()
                    + " to the new version and update this hash").isEqualTo(e.getValue());
        }
    }

    @Test
    void patchedTemplatesDifferInExactlyTheDocumentedLine() throws Exception {
        for (Map.Entry<String, List<Integer>> e : PATCHED.entrySet()) {
            List<String> ours = Files.readAllLines(TEMPLATES.resolve(e.getKey()));
            List<String> theirs = new String(upstream(e.getKey()), StandardCharsets.UTF_8).lines().toList();
            assertThat(ours).as(e.getKey() + " line count").hasSameSizeAs(theirs);
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                if (!ours.get(i).equals(theirs.get(i))) {
                    changed.add(i + 1);
                }
            }
            assertThat(changed).as("changed lines of " + e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void everyTemplateIsDocumented() throws IOException {
        String readme = Files.readString(TEMPLATES.resolve("README.md"));
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<String> templates = files.filter(p -> p.toString().endsWith(".mustache"))
                    .map(p -> TEMPLATES.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(templates).containsExactlyInAnyOrderElementsOf(UPSTREAM_SHA256.keySet());
            for (String t : templates) {
                assertThat(readme).as("templates/README.md explains " + t).contains("`" + t + "`");
            }
        }
    }
}
