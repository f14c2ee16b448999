package dev.modelapi.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares the spec documents of a base with those of a head and lists every change with its {@link Severity}.
 *
 * <pre>{@code
 * List<Finding> findings = SpecCompat.compare(Map.of("openapi/pieces-model-api.yaml", oldYaml),
 *                                             Map.of("openapi/pieces-model-api.yaml", newYaml));
 * }</pre>
 *
 * Documents are keyed by their path under {@code spec/}; those under {@code openapi/} are OpenAPI 3.0, those under
 * {@code asyncapi/} AsyncAPI 2.x. A document only in the head is new (nothing to break); one only in the base is
 * reported {@code document-removed}.
 */
public final class SpecCompat {

    private SpecCompat() {
    }

    /** The findings, breaking first, then by document, operation and pointer. */
    public static List<Finding> compare(Map<String, String> baseDocuments, Map<String, String> headDocuments) {
        List<Finding> findings = new ArrayList<>();
        Function<String, SpecTree> baseTrees = cache(baseDocuments);
        Function<String, SpecTree> headTrees = cache(headDocuments);
        for (String name : new java.util.TreeSet<>(baseDocuments.keySet())) {
            if (!headDocuments.containsKey(name)) {
                findings.add(new Finding(Severity.BREAKING, "document-removed", name, "-", "", "the document is gone"));
                continue;
            }
            SpecTree base = baseTrees.apply(name);
            SpecTree head = headTrees.apply(name);
            if (name.startsWith("asyncapi/")) {
                String folder = name.substring(0, name.lastIndexOf('/') + 1);
                new AsyncApiRules(base, head, rel -> baseTrees.apply(normalize(folder + rel)),
                        rel -> headTrees.apply(normalize(folder + rel)), findings::add).compare();
            } else {
                List<Finding> own = new ArrayList<>();
                new OperationRules(base, head, own::add).compare();
                Set<String> reported = new HashSet<>();
                own.stream().filter(f -> f.severity() != Severity.COMPATIBLE).forEach(f -> reported.add(f.operation()));
                findings.addAll(own);
                LibraryDiff.compare(base, head, reported, findings::add);
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::document)
                .thenComparing(Finding::operation).thenComparing(Finding::pointer).thenComparing(Finding::rule));
        return findings;
    }

    private static Function<String, SpecTree> cache(Map<String, String> documents) {
        Map<String, SpecTree> trees = new java.util.HashMap<>();
        return name -> {
            String text = documents.get(name);
            return text == null ? null : trees.computeIfAbsent(name, n -> new SpecTree(n, text));
        };
    }

    /** {@code asyncapi/../openapi/x.yaml} → {@code openapi/x.yaml}. */
    static String normalize(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
