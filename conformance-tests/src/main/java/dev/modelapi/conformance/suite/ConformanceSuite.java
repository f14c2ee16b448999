package dev.modelapi.conformance.suite;

import dev.modelapi.conformance.checks.Check;
import dev.modelapi.conformance.checks.Checks;
import dev.modelapi.conformance.report.Outcome;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance suite: one dynamic test per operation × check, grouped by API and operation, for every operation
 * of the spec documents of the APIs under test and every check switched on. Run it from the CLI (the executable jar)
 * or with {@code mvn verify}; configure it with {@code conformance.*} configuration parameters or system properties.
 */
@DisplayName("Model API conformance")
@ExtendWith(ConformanceExtension.class)
public class ConformanceSuite {

    /** Display name of an API's container. */
    public static String containerName(Api api) {
        return api.title();
    }

    @TestFactory
    @DisplayName("conformance")
    Stream<DynamicNode> conformance(ConformanceRun run) {
        List<Check> checks = Checks.executionOrder().stream().filter(c -> run.config().enabled(c.id())).toList();
        return run.apis().stream().map(api -> DynamicContainer.dynamicContainer(containerName(api),
                SpecCatalog.of(api).operations().stream()
                        .filter(op -> checks.stream().anyMatch(c -> c.appliesTo(op)))
                        .map(op -> operation(run, op, checks))));
    }

    private static DynamicContainer operation(ConformanceRun run, ApiOperation op, List<Check> checks) {
        return DynamicContainer.dynamicContainer(op.id(), checks.stream()
                .filter(c -> c.appliesTo(op))
                .map(c -> DynamicTest.dynamicTest(Outcome.testName(op.id(), c.id()), () -> run.execute(c, op))));
    }
}
