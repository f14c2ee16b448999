package dev.modelapi.compat;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * openapi-diff's verdict on every changed operation, as a net under the kit's own rules: an operation it calls
 * incompatible that no kit rule reported on is reported {@code openapi-diff} (breaking), naming the parts it flags.
 * Where a kit rule did report on the operation, that finding already says more precisely what changed (and may
 * rightly judge it milder: openapi-diff does not know that this SDK keeps unknown union members and enum values).
 */
final class LibraryDiff {

    private LibraryDiff() {
    }

    static void compare(SpecTree base, SpecTree head, Set<String> operationsWithFindings, Consumer<Finding> out) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(base.text, head.text);
        for (ChangedOperation op : diff.getChangedOperations()) {
            if (!op.isIncompatible()) {
                continue;
            }
            String id = op.getNewOperation() != null && op.getNewOperation().getOperationId() != null
                    ? op.getNewOperation().getOperationId() : op.getHttpMethod() + " " + op.getPathUrl();
            if (operationsWithFindings.contains(id)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            addIfIncompatible(parts, "parameters", op.getParameters());
            addIfIncompatible(parts, "request body", op.getRequestBody());
            addIfIncompatible(parts, "responses", op.getApiResponses());
            addIfIncompatible(parts, "security", op.getSecurityRequirements());
            out.accept(new Finding(Severity.BREAKING, "openapi-diff", head.name, id, "",
                    "openapi-diff reports an incompatible change in " + (parts.isEmpty() ? "the operation" : String.join(", ", parts))));
        }
    }

    private static void addIfIncompatible(List<String> parts, String name, Changed changed) {
        if (changed != null && changed.isIncompatible()) {
            parts.add(name);
        }
    }
}
