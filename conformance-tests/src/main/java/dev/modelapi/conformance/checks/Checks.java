package dev.modelapi.conformance.checks;

import java.util.Comparator;
import java.util.List;

/** Every check, one instance each. */
public final class Checks {

    private static final List<Check> ALL = List.of(
            new StatusCodeCheck(), new ContentTypeCheck(), new ResponseSchemaCheck(), new EnvelopeCheck(),
            new ErrorUnionCheck(), new NotAServerErrorCheck(), new NegativeDataCheck(), new PositiveDataCheck(),
            new StatefulCheck(), new BinaryFramingCheck(), new WsProgressCheck(), new AuthCheck());

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
                CheckId.BINARY_FRAMING, CheckId.WS_PROGRESS, CheckId.AUTH, CheckId.STATUS_CODE, CheckId.CONTENT_TYPE,
                CheckId.RESPONSE_SCHEMA, CheckId.ENVELOPE, CheckId.ERROR_UNION, CheckId.NOT_A_SERVER_ERROR);
        return ALL.stream().sorted(Comparator.comparingInt(c -> order.indexOf(c.id()))).toList();
    }

    public static Check byId(CheckId id) {
        return ALL.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
