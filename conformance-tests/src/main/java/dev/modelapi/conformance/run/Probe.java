package dev.modelapi.conformance.run;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.spec.ApiOperation;

import java.util.List;

/**
 * The traffic the suite generated for one operation: valid requests (the spec's named examples and a value
 * generated from the schema), invalid variants, requests about resources that do not exist.
 *
 * @param skipReason why nothing was sent (read-only mode, WebSocket, …), or null
 * @param notes things left out, e.g. variants that cannot be framed
 */
public record Probe(ApiOperation operation, List<Exchange> positive, List<Exchange> negative,
                    List<Exchange> notFound, List<String> notes, String skipReason) {

    public static Probe skipped(ApiOperation op, String reason) {
        return new Probe(op, List.of(), List.of(), List.of(), List.of(), reason);
    }

    public boolean sentNothing() {
        return positive.isEmpty() && negative.isEmpty() && notFound.isEmpty();
    }
}
