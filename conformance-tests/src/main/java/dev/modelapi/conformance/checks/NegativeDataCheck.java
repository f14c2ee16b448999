package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Probe;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import org.opentest4j.TestAbortedException;

/**
 * {@code negative-data}: invalid requests derived from the schema (one field broken, as
 * {@link dev.modelapi.conformance.data.NegativeVariants} lists; each re-validated against the spec before it is
 * sent) are rejected.
 * Decthings must answer {@code invalid_parameter} naming the broken field (the field itself, or a parent or child
 * of it: {@code options} for {@code options.language} and vice versa); Pieces must answer with one of its declared
 * error statuses.
 */
public final class NegativeDataCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NEGATIVE_DATA;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return operation.hasJsonBody();
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        Probe probe = run.probes().of(op);
        if (probe.negative().isEmpty()) {
            throw new TestAbortedException(probe.skipReason() != null ? probe.skipReason()
                    : "no invalid variant of " + op.id() + "'s request could be derived and sent"
                    + (probe.notes().isEmpty() ? "" : " (" + String.join("; ", probe.notes()) + ")"));
        }
        Findings f = run.findings();
        for (Exchange e : probe.negative()) {
            f.examined();
            if (op.api() == Api.DECTHINGS) {
                judgeDecthings(e, f);
            } else if (e.status() / 100 == 2 || !e.answered() || !op.declares(e.status())) {
                f.add(e.description() + ": the invalid request was not rejected with a declared error",
                        "one of the declared error statuses " + op.declaredStatuses(), e.responseSummary(), e);
            }
        }
        f.conclude(null);
    }

    private static void judgeDecthings(Exchange e, Findings f) {
        String expected = "{\"error\": {\"code\": \"invalid_parameter\", \"parameterName\": \"" + e.field() + "\", …}}";
        if (!"invalid_parameter".equals(e.errorCode())) {
            f.add(e.description() + ": not rejected with invalid_parameter", expected, e.responseSummary(), e);
            return;
        }
        String named = e.error().path("parameterName").asText(null);
        if (!names(named, e.field())) {
            f.add(e.description() + ": invalid_parameter names another field", expected,
                    "parameterName \"" + named + "\"", e);
        }
    }

    /** Whether {@code parameterName} names {@code field}: equal, or one a dotted parent of the other. */
    static boolean names(String parameterName, String field) {
        if (parameterName == null || field == null) {
            return false;
        }
        String p = parameterName.replaceAll("\\[\\d+]", "");
        field = field.replaceAll("\\[\\d+]", "");
        return p.equals(field) || field.startsWith(p + ".") || p.startsWith(field + ".");
    }
}
