package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.client.tensor.DecthingsElementType;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.decthings.client.tensor.DecthingsTensorFormatException;
import dev.modelapi.decthings.server.model.DecthingsParameterDefinition;
import dev.modelapi.decthings.server.model.DecthingsParameterProvider;
import dev.modelapi.decthings.server.model.DecthingsParameterProviderDataset;
import dev.modelapi.decthings.server.model.DecthingsParameterProviderInline;
import dev.modelapi.decthings.server.model.DecthingsTensorRules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter providers (inline tensors or dataset entries) resolved to tensors and checked against the model's
 * parameter definitions, as the real API does before it starts any model code.
 */
final class Params {

    private Params() {
    }

    /**
     * Resolves every provider to its serialized tensors, checking the tensors and (when the model defines any
     * parameters for this function) names, required parameters, element types and shapes.
     *
     * @param field the request field holding the providers, for error messages ({@code params})
     * @throws SimError dataset_not_found, dataset_key_not_found, or invalid_parameter
     */
    static Map<String, List<byte[]>> resolve(List<DecthingsParameterProvider> providers,
                                            List<DecthingsParameterDefinition> definitions, Fixtures fixtures,
                                            String field) {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        List<DecthingsParameterProvider> list = providers == null ? List.of() : providers;
        for (int i = 0; i < list.size(); i++) {
            DecthingsParameterProvider p = list.get(i);
            String at = field + "[" + i + "]";
            if (out.containsKey(p.getName())) {
                throw SimError.invalidParameter(at + ".name", "Parameter '" + p.getName() + "' is given twice");
            }
            List<byte[]> tensors;
            if (p.getData() instanceof DecthingsParameterProviderDataset d) {
                tensors = fixtures.dataset(d.getDatasetId(), d.getDatasetKey());
            } else {
                tensors = ((DecthingsParameterProviderInline) p.getData()).getData();
            }
            out.put(p.getName(), tensors);
            DecthingsParameterDefinition def = definition(definitions, p.getName());
            if (definitions != null && !definitions.isEmpty() && def == null) {
                throw SimError.invalidParameter(at + ".name", "The model defines no parameter '" + p.getName()
                        + "' (defined: " + definitions.stream().map(DecthingsParameterDefinition::getName).toList()
                        + ")");
            }
            for (int t = 0; t < tensors.size(); t++) {
                check(tensors.get(t), def == null ? null : def.getRules(), at + ".data.data[" + t + "]");
            }
        }
        if (definitions != null) {
            for (DecthingsParameterDefinition def : definitions) {
                if (Boolean.TRUE.equals(def.getRequired()) && !out.containsKey(def.getName())) {
                    throw SimError.invalidParameter(field, "Missing required parameter '" + def.getName() + "'");
                }
            }
        }
        return out;
    }

    private static DecthingsParameterDefinition definition(List<DecthingsParameterDefinition> defs, String name) {
        if (defs == null) {
            return null;
        }
        return defs.stream().filter(d -> d.getName().equals(name)).findFirst().orElse(null);
    }

    private static void check(byte[] serialized, DecthingsTensorRules rules, String at) {
        DecthingsTensor tensor;
        try {
            tensor = DecthingsTensor.deserialize(serialized);
        } catch (DecthingsTensorFormatException | IllegalArgumentException e) {
            throw SimError.invalidParameter(at, "Not a serialized DecthingsTensor: " + e.getMessage());
        }
        if (rules == null) {
            return;
        }
        List<?> allowed = rules.getAllowedTypes();
        if (allowed != null && !allowed.isEmpty()
                && allowed.stream().noneMatch(t -> DecthingsElementType.fromJsonName(t.toString()) == tensor.type())) {
            throw SimError.invalidParameter(at, "Element type " + tensor.type().jsonName() + " is not allowed"
                    + " (allowed: " + allowed + ")");
        }
        List<Long> shape = rules.getShape();
        if (shape != null) {
            long[] actual = tensor.shape();
            boolean ok = actual.length == shape.size();
            for (int i = 0; ok && i < actual.length; i++) {
                ok = shape.get(i) < 0 || shape.get(i) == actual[i];
            }
            if (!ok) {
                throw SimError.invalidParameter(at, "Shape " + java.util.Arrays.toString(actual)
                        + " does not match the rule " + shape + " (-1 = any length)");
            }
        }
    }
}
