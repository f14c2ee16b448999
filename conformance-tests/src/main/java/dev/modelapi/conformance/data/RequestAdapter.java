package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a request document safe to send to a real deployment: names of things it creates get the run's
 * {@code conformance-<random>} prefix, and identifiers point either at what the suite created or at fresh random
 * identifiers that cannot exist, so that nothing the suite did not create is touched.
 *
 * <p>Identifiers are the string values (or string array elements) of properties named {@code id}, {@code *Id},
 * {@code *Ids}/{@code ids} or {@code deleteStates}. Names are the string values of properties named {@code name} or
 * {@code *Name} outside arrays (array elements hold parameter and key names, which are data, not resources), and
 * Pieces' {@code unique} (the unique model name, by which PiecesOS de-duplicates created models).
 */
public final class RequestAdapter {

    private static final Pattern ID_KEY = Pattern.compile("(?i)^(id|.*Id|.*Ids|ids|deleteStates)$");
    private static final Pattern NAME_KEY = Pattern.compile("^(name|.*Name|unique)$");

    private final String prefix;
    private final Supplier<String> randomId;
    private final java.util.concurrent.atomic.AtomicInteger documents = new java.util.concurrent.atomic.AtomicInteger();

    public RequestAdapter(String prefix, Supplier<String> randomId) {
        this.prefix = prefix;
        this.randomId = randomId;
    }

    public static RequestAdapter withRandomIds(String prefix) {
        return new RequestAdapter(prefix, () -> UUID.randomUUID().toString());
    }

    /**
     * A copy of {@code document} with names prefixed and identifiers replaced.
     *
     * @param ids values for identifier properties by dotted path ({@code modelId}, {@code filter.ids}); paths
     *     ignore array indexes
     * @param randomizeOtherIds whether identifiers without a value in {@code ids} get a fresh random identifier
     *     (true for operations that change state) or stay as they are (read-only operations)
     * @param prefixNames whether to prefix names (operations that create or rename things)
     */
    public JsonNode adapt(JsonNode document, Map<String, String> ids, boolean randomizeOtherIds, boolean prefixNames) {
        JsonNode copy = document.deepCopy();
        String tag = prefix + "-" + documents.incrementAndGet();
        walk(copy, "", false, ids, randomizeOtherIds, prefixNames ? tag : null);
        return copy;
    }

    public String prefix() {
        return prefix;
    }

    /** {@code conformance-ab12cd-what}. */
    public String name(String what) {
        return prefix + "-" + what;
    }

    public String randomId() {
        return randomId.get();
    }

    /** {@code namePrefix}: the run's prefix plus a per-document number (names stay unique), or null: keep names. */
    private void walk(JsonNode node, String path, boolean inArray, Map<String, String> ids, boolean randomize,
                      String namePrefix) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String fieldPath = path.isEmpty() ? key : path + "." + key;
            JsonNode value = field.getValue();
            if (ID_KEY.matcher(key).matches() && (value.isTextual() || value.isArray())) {
                String replacement = ids.get(fieldPath);
                if (value.isTextual()) {
                    if (replacement != null) {
                        field.setValue(TextNode.valueOf(replacement));
                    } else if (randomize) {
                        field.setValue(TextNode.valueOf(randomId.get()));
                    }
                } else {
                    ArrayNode array = (ArrayNode) value;
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i).isTextual()) {
                            if (replacement != null) {
                                array.set(i, TextNode.valueOf(replacement));
                            } else if (randomize) {
                                array.set(i, TextNode.valueOf(randomId.get()));
                            }
                        }
                    }
                }
                continue;
            }
            if (namePrefix != null && !inArray && NAME_KEY.matcher(key).matches() && value.isTextual()
                    && !value.asText().startsWith(prefix)) {
                field.setValue(TextNode.valueOf(namePrefix + "-" + value.asText()));
                continue;
            }
            if (value.isObject()) {
                walk(value, fieldPath, inArray, ids, randomize, namePrefix);
            } else if (value.isArray()) {
                for (JsonNode element : value) {
                    walk(element, fieldPath, true, ids, randomize, namePrefix);
                }
            }
        }
    }
}
