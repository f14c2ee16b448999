package dev.modelapi.mock.recorded.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.mock.recorded.ApiKind;
import dev.modelapi.mock.recorded.RecordedMappings;
import dev.modelapi.mock.recorded.StubKind;
import dev.modelapi.mock.recorded.StubParameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Build-time generator of the shipped mappings (run by exec-maven-plugin in {@code process-classes}): one WireMock
 * mappings file per operation under {@code <out>/<api>/<operationId>.json}, plus {@code <out>/index.json} listing
 * them and, per operation, the {@code Prefer} values its stubs answer (so that the mock need not parse every stub at
 * start to list them). The spec is the only source: nothing here is written by hand.
 */
public final class MappingsGenerator {

    private MappingsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MappingsGenerator <output directory>");
        }
        int stubs = generate(Path.of(args[0]));
        System.out.println("[modelapi] generated " + stubs + " recorded stubs into " + args[0]);
    }

    /** Writes the mapping files and returns the number of stubs. */
    public static int generate(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        StubFactory factory = new StubFactory(json);
        ArrayNode index = json.createArrayNode();
        ObjectNode preferences = json.createObjectNode();
        int count = 0;
        for (ApiKind api : ApiKind.values()) {
            Path dir = out.resolve(api.wireName());
            Files.createDirectories(dir);
            List<SpecOperation> operations = SpecExamples.read(api);
            for (SpecOperation op : operations) {
                ArrayNode stubs = factory.stubsFor(op);
                if (stubs.isEmpty()) {
                    continue;
                }
                ObjectNode file = json.createObjectNode();
                file.set("mappings", stubs);
                String name = api.wireName() + "/" + op.operationId() + ".json";
                json.writeValue(out.resolve(name).toFile(), file);
                index.add(name);
                count += stubs.size();
                TreeSet<String> prefers = new TreeSet<>();
                for (JsonNode stub : stubs) {
                    JsonNode meta = stub.path("metadata").path(StubParameters.KEY);
                    if (!StubKind.DEFAULT.wireName().equals(meta.path("kind").asText())) {
                        prefers.add(meta.path("prefer").asText());
                    }
                }
                prefers.forEach(preferences.putArray(RecordedMappings.preferenceKey(api, op.operationId()))::add);
            }
        }
        ObjectNode root = json.createObjectNode();
        root.set("files", index);
        root.set("preferences", preferences);
        json.writeValue(out.resolve(RecordedMappings.INDEX).toFile(), root);
        return count;
    }
}
