package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Probe;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import org.opentest4j.TestAbortedException;

/**
 * {@code positive-data}: valid requests — each of the spec's named request examples, a value generated from the
 * schema and values on the schema's bounds ({@link dev.modelapi.conformance.data.BoundaryVariants}), on resources of
 * the suite's own — are accepted. Decthings: HTTP 200 and no {@code invalid_parameter}
 * about what the schema decides (domain errors such as {@code state_not_found} are acceptable answers to a valid
 * request; {@code bad_credentials} is not when a key is configured). A schema-valid request can still be refused
 * with {@code invalid_parameter} for what no schema can see, and that is not counted: a reference to something that
 * does not exist (a {@code …Id}/{@code …Ids} field, {@code deleteStates}, {@code mountModels}) or the model-defined
 * parameters ({@code params}, governed by the model's own {@code parameterDefinitions}). Pieces: a 2xx status.
 */
public final class PositiveDataCheck implements Check {

    private static final java.util.regex.Pattern CONTEXTUAL =
            java.util.regex.Pattern.compile("(?i)^(id|.*Id|.*Ids|ids|deleteStates|mountModels|params)$");

    /** Whether a parameter's validity depends on the target's state or the model rather than on the schema. */
    static boolean contextual(String parameterName) {
        for (String segment : parameterName.replaceAll("\\[\\d+]", "").split("\\.")) {
            if (CONTEXTUAL.matcher(segment).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CheckId id() {
        return CheckId.POSITIVE_DATA;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return !operation.isWebSocket();
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        Probe probe = run.probes().of(op);
        if (probe.positive().isEmpty()) {
            throw new TestAbortedException(probe.skipReason() != null ? probe.skipReason()
                    : "no valid request of " + op.id() + " could be built and sent"
                    + (probe.notes().isEmpty() ? "" : " (" + String.join("; ", probe.notes()) + ")"));
        }
        Findings f = run.findings();
        for (Exchange e : probe.positive()) {
            f.examined();
            if (op.api() == Api.DECTHINGS) {
                if (e.status() != 200) {
                    f.add(e.description() + ": a valid request was not answered with 200", "HTTP 200 with result"
                            + " or a domain error", e.responseSummary(), e);
                } else if ("invalid_parameter".equals(e.errorCode())
                        && !contextual(e.error().path("parameterName").asText(""))) {
                    f.add(e.description() + ": a valid request was rejected as invalid", "no invalid_parameter",
                            e.error().toString(), e);
                } else if ("bad_credentials".equals(e.errorCode()) && run.decthings().hasApiKey()) {
                    f.add(e.description() + ": the configured API key was refused", "no bad_credentials",
                            e.error().toString(), e);
                }
            } else if (e.status() / 100 != 2) {
                f.add(e.description() + ": a valid request was not accepted", "a 2xx status",
                        e.responseSummary(), e);
            }
        }
        f.conclude(null);
    }
}
