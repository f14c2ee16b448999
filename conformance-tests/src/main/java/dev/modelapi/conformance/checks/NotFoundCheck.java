package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.data.NotFoundVariants;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Probe;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import org.opentest4j.TestAbortedException;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code not-found}: a request naming something that does not exist (a fresh random id, every other id the suite's
 * own) gets the operation's own not-found answer. Decthings: the code the spec's naming rule gives for that id
 * ({@link NotFoundVariants}: {@code stateId} → {@code state_not_found}, …); when another id of the request is random
 * too, its code is accepted as well. Pieces: {@code 410} where the operation declares it ({@code GET /model/{model}}),
 * else a declared error status, never a 2xx.
 */
public final class NotFoundCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NOT_FOUND;
    }

    @Override
    public boolean appliesTo(ApiOperation op) {
        return op.api() == Api.DECTHINGS ? !NotFoundVariants.of(op).isEmpty()
                : !op.pathParameters().isEmpty() && !op.isWebSocket();
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        Probe probe = run.probes().of(op);
        if (probe.notFound().isEmpty()) {
            throw new TestAbortedException(probe.skipReason() != null ? probe.skipReason()
                    : "no request naming a missing id of " + op.id() + " was sent");
        }
        Findings f = run.findings();
        for (Exchange e : probe.notFound()) {
            f.examined();
            if (op.api() == Api.DECTHINGS) {
                Set<String> accepted = new LinkedHashSet<>();
                accepted.add(NotFoundVariants.codeOf(op, e.field()));
                if (!NotFoundVariants.MODEL_ID.equals(e.field())) {
                    NotFoundVariants.of(op).stream()
                            .filter(id -> !id.field().equals(NotFoundVariants.MODEL_ID) && e.requestJson().has(id.field()))
                            .forEach(id -> accepted.add(id.code()));
                }
                if (!accepted.contains(e.errorCode())) {
                    f.add(e.description() + ": not answered with the not-found error of " + e.field(),
                            "{\"error\": {\"code\": \"" + String.join("\" | \"", accepted) + "\"}}",
                            e.responseSummary(), e);
                }
            } else if (op.declares(410) ? e.status() != 410 : e.status() / 100 == 2 || !op.declares(e.status())) {
                f.add(e.description() + ": a model that does not exist must give "
                                + (op.declares(410) ? "410" : "a declared error status"),
                        op.declares(410) ? "410 text/plain" : "one of " + op.declaredStatuses() + " but not 2xx",
                        e.responseSummary(), e);
            }
        }
        f.conclude(null);
    }
}
