package dev.modelapi.conformance.spec;

import io.swagger.v3.oas.models.PathItem;

/**
 * What an operation does to a deployment, decided from the spec by a fixed rule (the documents carry no such
 * extension):
 * <ul>
 *   <li><b>read-only</b>: Decthings methods named {@code get*} or {@code waitFor*}; Pieces {@code GET}/{@code HEAD}
 *       (the progress WebSocket included, it only listens). Everything else changes state and is left out by
 *       {@code --read-only}.</li>
 *   <li><b>destructive</b>: deletes the resource it names ({@code deleteModel}, Pieces {@code /models/{model}/delete});
 *       the suite calls it only on a throwaway resource of its own.</li>
 *   <li><b>global</b>: a Pieces operation that changes state without naming a resource (no path parameter, no body,
 *       e.g. {@code /models/unload}): it would touch what the suite did not create, so it runs only against the
 *       embedded mock.</li>
 * </ul>
 */
public final class OperationTraits {

    private OperationTraits() {
    }

    public static boolean readOnly(ApiOperation op) {
        if (op.api() == Api.DECTHINGS) {
            String m = op.rpcName();
            return m.startsWith("get") || m.startsWith("waitFor");
        }
        return op.httpMethod() == PathItem.HttpMethod.GET || op.httpMethod() == PathItem.HttpMethod.HEAD;
    }

    public static boolean destructive(ApiOperation op) {
        if (op.api() == Api.DECTHINGS) {
            return op.rpcName().equals("deleteModel");
        }
        return !readOnly(op) && op.path().matches(".*/\\{[^}]+}/delete$");
    }

    public static boolean global(ApiOperation op) {
        return op.api() == Api.PIECES && !readOnly(op) && op.pathParameters().isEmpty() && !op.hasJsonBody();
    }
}
