package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which operation of a spec a method and path are: the path templates of the document as patterns. */
final class OperationLocator {

    private record Entry(ApiOperation operation, Pattern pattern) {
    }

    private final List<Entry> entries = new ArrayList<>();

    OperationLocator(Api api) {
        for (ApiOperation op : SpecCatalog.of(api).operations()) {
            if (op.isWebSocket()) {
                continue;
            }
            StringBuilder regex = new StringBuilder("^");
            for (String part : op.path().split("(?=\\{)|(?<=})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            // Decthings names its sub-API case-insensitively (/Model/, /model/), as its servers do
            int flags = api == Api.DECTHINGS ? Pattern.CASE_INSENSITIVE : 0;
            entries.add(new Entry(op, Pattern.compile(regex.append('$').toString(), flags)));
        }
    }

    /** The operation of {@code method path}; a HEAD the spec does not declare is taken as its GET. */
    Optional<ApiOperation> find(String method, String path) {
        String upper = method.toUpperCase();
        Optional<ApiOperation> exact = match(upper, path);
        return exact.isPresent() || !upper.equals("HEAD") ? exact : match("GET", path);
    }

    private Optional<ApiOperation> match(String method, String path) {
        return entries.stream()
                .filter(e -> e.operation().httpMethod().name().equals(method))
                .filter(e -> e.pattern().matcher(path).matches())
                .map(Entry::operation)
                .findFirst();
    }
}
