package dev.modelapi.decthings.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Moves binary fields between a logical JSON document (base64 inline) and the wire form (JSON + ordered blobs),
 * following a list of {@link BlobSource}s. Wire order is the order of the sources, then document order.
 *
 * <p>Splitting reads a document the caller built, so bad input is an {@link IllegalArgumentException}; joining reads
 * what came over the wire, so disagreement between JSON and blobs is a {@link DecthingsFramingException}.
 */
final class BlobCodec {

    private static final String DATA = "data";
    private static final String TYPE = "type";
    private static final String KEY = "key";

    private BlobCodec() {
    }

    // ------------------------------------------------------------------------------------------------ split

    static OperationBlobs.Split split(List<BlobSource> sources, ObjectNode logical, String context) {
        ObjectNode json = logical.deepCopy();
        List<ByteBuffer> blobs = new ArrayList<>();
        for (BlobSource source : sources) {
            String field = source.parsedPath().field();
            for (BlobPath.Parent parent : source.parsedPath().parents(json)) {
                JsonNode value = parent.node().get(field);
                if (value == null || value.isNull()) {
                    continue;
                }
                String where = BlobPath.join(parent.where(), field);
                switch (source.layout()) {
                    case BUFFER -> {
                        blobs.add(ByteBuffer.wrap(base64(value, context, where)));
                        parent.node().remove(field);
                    }
                    case TENSOR -> {
                        byte[] tensor = base64(value, context, where);
                        checkOneTensor(tensor, context, where);
                        blobs.add(ByteBuffer.wrap(tensor));
                        parent.node().remove(field);
                    }
                    case PARAMETER_PROVIDERS -> splitProviders(array(value, context, where), context, where, blobs);
                    case PARAMETERS -> splitParameters(array(value, context, where), context, where, blobs);
                    case KEYED_BUFFERS -> splitKeyed(parent, field, source.keyNamesField().orElseThrow(),
                            array(value, context, where), context, where, blobs);
                }
            }
        }
        return new OperationBlobs.Split(json, blobs);
    }

    private static void splitProviders(ArrayNode providers, String context, String where, List<ByteBuffer> blobs) {
        for (int i = 0; i < providers.size(); i++) {
            String at = where + "[" + i + "]";
            ObjectNode provider = object(providers.get(i), context, at);
            JsonNode data = provider.get(DATA);
            if (data == null || !data.isObject() || !data.path(TYPE).isTextual()) {
                throw invalid(context, at + ".data", "expected an object with \"type\": \"data\" or \"dataset\"");
            }
            String type = data.get(TYPE).asText();
            if (type.equals("data")) {
                blobs.add(ByteBuffer.wrap(concatTensors(data.get(DATA), context, at + ".data.data")));
                provider.remove(DATA);
            } else if (!type.equals("dataset")) {
                throw invalid(context, at + ".data.type", "expected \"data\" or \"dataset\", got \"" + type + "\"");
            }
        }
    }

    private static void splitParameters(ArrayNode parameters, String context, String where, List<ByteBuffer> blobs) {
        for (int i = 0; i < parameters.size(); i++) {
            String at = where + "[" + i + "]";
            ObjectNode parameter = object(parameters.get(i), context, at);
            blobs.add(ByteBuffer.wrap(concatTensors(parameter.get(DATA), context, at + ".data")));
            parameter.remove(DATA);
        }
    }

    private static void splitKeyed(BlobPath.Parent parent, String field, String keyNamesField, ArrayNode entries,
            String context, String where, List<ByteBuffer> blobs) {
        if (parent.node().has(keyNamesField)) {
            throw invalid(context, BlobPath.join(parent.where(), keyNamesField),
                    "must not be set next to \"" + field + "\"; it is derived from it");
        }
        ArrayNode keys = parent.node().arrayNode(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String at = where + "[" + i + "]";
            ObjectNode entry = object(entries.get(i), context, at);
            if (!entry.path(KEY).isTextual()) {
                throw invalid(context, at + ".key", "expected a string");
            }
            keys.add(entry.get(KEY).asText());
            blobs.add(ByteBuffer.wrap(base64(entry.get(DATA), context, at + ".data")));
        }
        parent.node().remove(field);
        parent.node().set(keyNamesField, keys);
    }

    /** Decodes an array of base64 tensors into the concatenation that travels as one blob. */
    private static byte[] concatTensors(JsonNode tensors, String context, String where) {
        ArrayNode array = array(tensors, context, where);
        List<byte[]> parts = new ArrayList<>(array.size());
        int total = 0;
        for (int i = 0; i < array.size(); i++) {
            byte[] tensor = base64(array.get(i), context, where + "[" + i + "]");
            checkOneTensor(tensor, context, where + "[" + i + "]");
            parts.add(tensor);
            total += tensor.length;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        // Sized once: no grow-and-copy (10 MB evaluate payloads).
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static void checkOneTensor(byte[] bytes, String context, String where) {
        int count;
        try {
            count = DecthingsTensor.sliceMany(ByteBuffer.wrap(bytes)).size();
        } catch (DecthingsFramingException e) {
            throw new IllegalArgumentException(context + ": " + where + " is not a serialized DecthingsTensor: "
                    + e.getMessage(), e);
        }
        if (count != 1) {
            throw invalid(context, where, "expected exactly one serialized DecthingsTensor, found " + count);
        }
    }

    private static byte[] base64(JsonNode value, String context, String where) {
        if (value == null || !value.isTextual()) {
            throw invalid(context, where, "expected a base64 string");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(context, where, "invalid base64: " + e.getMessage());
        }
    }

    private static ArrayNode array(JsonNode value, String context, String where) {
        if (value == null || !value.isArray()) {
            throw invalid(context, where, "expected an array");
        }
        return (ArrayNode) value;
    }

    private static ObjectNode object(JsonNode value, String context, String where) {
        if (value == null || !value.isObject()) {
            throw invalid(context, where, "expected an object");
        }
        return (ObjectNode) value;
    }

    private static IllegalArgumentException invalid(String context, String where, String problem) {
        return new IllegalArgumentException(context + ": " + where + ": " + problem);
    }

    // ------------------------------------------------------------------------------------------------ join

    /** One place in the wire JSON that takes blobs back, found before any blob is consumed. */
    private record Claim(BlobSource source, ObjectNode target, String where, int count, boolean optional) {
    }

    static ObjectNode join(List<BlobSource> sources, ObjectNode wire, List<ByteBuffer> blobs, String context) {
        // The copy keeps the caller's wire JSON as it was; a message without blob fields has nothing to put back,
        // so it is its own logical document (the copy was a sixth of what a proxied getModels allocated).
        ObjectNode json = sources.isEmpty() ? wire : wire.deepCopy();
        List<Claim> claims = plan(sources, json, context);

        int required = 0;
        int optional = 0;
        for (Claim claim : claims) {
            if (claim.optional) {
                optional += claim.count;
            } else {
                required += claim.count;
            }
        }
        // A buffer/tensor field leaves no trace in the wire JSON, so whether its slot was filled is read off the
        // blob count: the blobs the other layouts do not claim go to all such slots, or there are none.
        boolean fillOptional;
        if (optional > 0 && blobs.size() == required + optional) {
            fillOptional = true;
        } else if (blobs.size() == required) {
            fillOptional = false;
        } else {
            throw new DecthingsFramingException(context + ": the JSON calls for " + required + " blob(s)"
                    + (optional > 0 ? " (" + (required + optional) + " if its " + optional
                            + " buffer/tensor field(s) are sent)" : "")
                    + " but the frame carries " + blobs.size());
        }

        int next = 0;
        for (Claim claim : claims) {
            if (claim.optional && !fillOptional) {
                continue;
            }
            apply(claim, blobs.subList(next, next + claim.count), next, context);
            next += claim.count;
        }
        return json;
    }

    private static List<Claim> plan(List<BlobSource> sources, ObjectNode json, String context) {
        List<Claim> claims = new ArrayList<>();
        for (BlobSource source : sources) {
            String field = source.parsedPath().field();
            for (BlobPath.Parent parent : source.parsedPath().parents(json)) {
                String where = BlobPath.join(parent.where(), field);
                JsonNode value = parent.node().get(field);
                switch (source.layout()) {
                    case BUFFER, TENSOR -> {
                        if (value == null) {
                            claims.add(new Claim(source, parent.node(), where, 1, true));
                        }
                    }
                    case PARAMETER_PROVIDERS, PARAMETERS -> {
                        if (value != null && value.isArray()) {
                            for (int i = 0; i < value.size(); i++) {
                                JsonNode element = value.get(i);
                                if (!element.isObject()) {
                                    throw new DecthingsFramingException(context + ": " + where + "[" + i
                                            + "] is not an object");
                                }
                                // Dataset providers keep their data in the JSON and have no blob.
                                boolean inline = source.layout() == BlobLayout.PARAMETERS || !element.has(DATA);
                                if (inline) {
                                    claims.add(new Claim(source, (ObjectNode) element, where + "[" + i + "]", 1,
                                            false));
                                }
                            }
                        }
                    }
                    case KEYED_BUFFERS -> {
                        String keyNamesField = source.keyNamesField().orElseThrow();
                        JsonNode keys = parent.node().get(keyNamesField);
                        if (keys != null && !keys.isNull()) {
                            String keysWhere = BlobPath.join(parent.where(), keyNamesField);
                            if (!keys.isArray()) {
                                throw new DecthingsFramingException(context + ": " + keysWhere + " is not an array");
                            }
                            for (JsonNode key : keys) {
                                if (!key.isTextual()) {
                                    throw new DecthingsFramingException(context + ": " + keysWhere
                                            + " holds a non-string key " + key);
                                }
                            }
                            claims.add(new Claim(source, parent.node(), where, keys.size(), false));
                        }
                    }
                }
            }
        }
        return claims;
    }

    private static void apply(Claim claim, List<ByteBuffer> blobs, int firstIndex, String context) {
        String field = claim.source.parsedPath().field();
        switch (claim.source.layout()) {
            case BUFFER -> claim.target.put(field, base64(blobs.get(0)));
            case TENSOR -> {
                List<ByteBuffer> tensors = tensors(blobs.get(0), firstIndex, claim.where, context);
                if (tensors.size() != 1) {
                    throw new DecthingsFramingException(context + ": blob " + firstIndex + " for " + claim.where
                            + " should hold exactly one tensor, it holds " + tensors.size());
                }
                claim.target.put(field, base64(tensors.get(0)));
            }
            case PARAMETER_PROVIDERS -> {
                ObjectNode data = claim.target.putObject(DATA);
                data.put(TYPE, "data");
                data.set(DATA, base64Array(claim.target, tensors(blobs.get(0), firstIndex, claim.where, context)));
            }
            case PARAMETERS -> claim.target.set(DATA,
                    base64Array(claim.target, tensors(blobs.get(0), firstIndex, claim.where, context)));
            case KEYED_BUFFERS -> {
                String keyNamesField = claim.source.keyNamesField().orElseThrow();
                JsonNode keys = claim.target.remove(keyNamesField);
                ArrayNode entries = claim.target.arrayNode(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    ObjectNode entry = entries.addObject();
                    entry.put(KEY, keys.get(i).asText());
                    entry.put(DATA, base64(blobs.get(i)));
                }
                claim.target.set(field, entries);
            }
        }
    }

    private static List<ByteBuffer> tensors(ByteBuffer blob, int index, String where, String context) {
        try {
            return DecthingsTensor.sliceMany(blob);
        } catch (DecthingsFramingException e) {
            throw new DecthingsFramingException(context + ": blob " + index + " for " + where
                    + " is not a sequence of serialized tensors: " + e.getMessage(), e);
        }
    }

    private static ArrayNode base64Array(ObjectNode factory, List<ByteBuffer> tensors) {
        ArrayNode array = factory.arrayNode(tensors.size());
        for (ByteBuffer tensor : tensors) {
            array.add(base64(tensor));
        }
        return array;
    }

    private static String base64(ByteBuffer bytes) {
        ByteBuffer encoded = Base64.getEncoder().encode(bytes.duplicate());
        return new String(encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.remaining(),
                StandardCharsets.ISO_8859_1);
    }
}
