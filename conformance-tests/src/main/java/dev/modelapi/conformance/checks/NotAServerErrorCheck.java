package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;

/**
 * {@code not-a-server-error}: no 5xx answer. The one exception is Pieces, whose spec declares {@code 500 text/plain}
 * as the error answer of its operations: there a 500 is expected for an invalid request, an unknown model or a
 * request the model's state refuses (and still wrong for a valid request about a model of the suite's own). Traffic
 * the suite did not send (the validating proxy's) has no intent: there a declared Pieces 500 is taken as declared.
 */
public final class NotAServerErrorCheck implements Check, ExchangeRule {

    @Override
    public CheckId id() {
        return CheckId.NOT_A_SERVER_ERROR;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return !operation.isWebSocket();
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        ExchangeChecks.judgeAll(this, op, run, "no answer to judge");
    }

    @Override
    public void judge(ApiOperation op, Exchange e, Findings f) {
        if (!e.answered()) {
            return;
        }
        f.examined();
        if (e.status() < 500) {
            return;
        }
        boolean declaredError = op.api() == Api.PIECES && op.declares(e.status())
                && (e.intent() == null || e.intent() == Intent.NEGATIVE || e.intent() == Intent.NOT_FOUND
                    || e.intent() == Intent.REFUSAL);
        if (!declaredError) {
            f.add(ExchangeChecks.where(e) + ": server error " + e.status(), "no 5xx for this request",
                    e.responseSummary(), e);
        }
    }
}
