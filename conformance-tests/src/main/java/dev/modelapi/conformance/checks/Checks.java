package dev.modelapi.conformance.checks;

import java.util.Comparator;
import java.util.List;

/** Every check, one instance each. */
public final class Checks {

    private static final List<Check> ALL = List.of(
            new StatusCodeCheck(), new ContentTypeCheck(), new ResponseSchemaCheck(), new EnvelopeCheck(),
            new ErrorUnionCheck(), new NotAServerErrorCheck(), new NegativeDataCheck(), new PositiveDataCheck(),
            new StatefulCheck(), new QueryCheck(), new WriteAnswerCheck(), new UniquenessCheck(), new NotFoundCheck(),
            new BinaryFramingCheck(), new WsProgressCheck(), new AuthCheck());

    private Checks() {
    }

    /** In the order of {@link CheckId} (the report's columns). */
    public static List<Check> all() {
        return ALL;
    }

    /**
     * In execution order within an operation: the checks that send traffic of their own first, then the checks
     * that judge every exchange of the operation, so that these see the flows' exchanges too.
     */
    public static List<Check> executionOrder() {
        List<CheckId> order = List.of(CheckId.NEGATIVE_DATA, CheckId.POSITIVE_DATA, CheckId.STATEFUL,
                CheckId.QUERY, CheckId.WRITE_ANSWER, CheckId.UNIQUENESS, CheckId.NOT_FOUND, CheckId.BINARY_FRAMING,
                CheckId.WS_PROGRESS, CheckId.AUTH, CheckId.STATUS_CODE, CheckId.CONTENT_TYPE,
                CheckId.RESPONSE_SCHEMA, CheckId.ENVELOPE, CheckId.ERROR_UNION, CheckId.NOT_A_SERVER_ERROR);
        return ALL.stream().sorted(Comparator.comparingInt(c -> order.indexOf(c.id()))).toList();
    }

    /** The error codes of an operation's own error union (Decthings), empty when it has none. */
    public static java.util.Set<String> errorCodes(dev.modelapi.conformance.spec.ApiOperation op) {
        java.util.Map<String, String> union = ErrorUnionCheck.union(op);
        return union == null ? java.util.Set.of() : union.keySet();
    }

    public static Check byId(CheckId id) {
        return ALL.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
