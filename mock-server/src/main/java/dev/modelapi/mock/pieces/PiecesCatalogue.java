package dev.modelapi.mock.pieces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelapi.mock.http.MockJson;
import dev.modelapi.mock.sim.SeededIds;
import dev.modelapi.pieces.server.model.Model;
import dev.modelapi.spec.ModelApiSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models a fresh Pieces simulation knows: the spec's own example models (so that the ids in the spec's
 * examples work against the simulation too), plus {@code modelapi/pieces/catalogue-extra.json} with ids from the
 * seed. The computed flags ({@code downloaded}, {@code downloading}, {@code loaded}) are taken off the templates;
 * {@link Entry#downloaded()} says which models start out on disk.
 */
final class PiecesCatalogue {

    record Entry(Model model, boolean downloaded) {
    }

    private PiecesCatalogue() {
    }

    static List<Entry> seeded(long seed) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonNode examples = specExamples();
        add(entries, (ObjectNode) examples.path("ModelLlama3").path("value").deepCopy());
        // The registered custom model of the update, create and delete examples.
        add(entries, (ObjectNode) examples.path("ModelCustomPhi3").path("value").deepCopy());
        for (JsonNode m : examples.path("ModelsSnapshot").path("value").path("iterable")) {
            if (!entries.containsKey(m.path("id").asText())) {
                add(entries, (ObjectNode) m.deepCopy());
            }
        }
        SeededIds ids = new SeededIds(seed, "pieces-catalogue");
        for (JsonNode m : extras().path("models")) {
            ObjectNode model = (ObjectNode) m.deepCopy();
            model.put("id", ids.uuid());
            add(entries, model);
        }
        return new ArrayList<>(entries.values());
    }

    private static void add(Map<String, Entry> entries, ObjectNode json) {
        boolean downloaded = json.path("downloaded").asBoolean(false);
        json.remove(List.of("downloaded", "downloading", "loaded"));
        Model model;
        try {
            model = MockJson.MAPPER.treeToValue(json, Model.class);
        } catch (IOException e) {
            throw new IllegalStateException("Catalogue model does not fit the Model schema: " + json, e);
        }
        entries.put(model.getId(), new Entry(model, downloaded));
    }

    private static JsonNode specExamples() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ModelApiSpec.PIECES.text())
                    .path("components").path("examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode extras() {
        try (InputStream in = PiecesCatalogue.class.getClassLoader()
                .getResourceAsStream("modelapi/pieces/catalogue-extra.json")) {
            if (in == null) {
                throw new IllegalStateException("modelapi/pieces/catalogue-extra.json is missing");
            }
            return MockJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
