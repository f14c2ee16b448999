package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A flow as the catalogue knows it: its API, the cells it reports on (check → operation ids) and how to run it.
 *
 * @param name short name, for messages
 * @param api the API it talks to
 * @param cells check → operations whose cell the flow has a verdict for
 * @param global whether it changes state beyond the suite's own resources (runs last, alone, embedded mock only)
 * @param runner runs the flow, writing its findings into the verdicts
 */
public record FlowSpec(String name, Api api, Map<CheckId, List<String>> cells, boolean global,
                       BiConsumer<ConformanceRun, FlowVerdicts> runner) {

    public boolean covers(CheckId check, String operationId) {
        List<String> ops = cells.get(check);
        return ops != null && ops.contains(operationId);
    }

    @Override
    public String toString() {
        return name;
    }
}
