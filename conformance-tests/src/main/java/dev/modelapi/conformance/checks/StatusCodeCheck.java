package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.ApiOperation;

/** {@code status-code}: every answer has a status the operation declares. */
public final class StatusCodeCheck implements Check, ExchangeRule {

    @Override
    public CheckId id() {
        return CheckId.STATUS_CODE;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return !operation.isWebSocket();
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        ExchangeChecks.judgeAll(this, op, run, null);
    }

    @Override
    public void judge(ApiOperation op, Exchange e, Findings f) {
        f.examined();
        if (!e.answered()) {
            f.add(ExchangeChecks.where(e) + ": no HTTP answer", "one of " + op.declaredStatuses(),
                    e.transportError(), e);
        } else if (!op.declares(e.status())) {
            f.add(ExchangeChecks.where(e) + ": undeclared status " + e.status(),
                    "one of " + op.declaredStatuses(), e.responseSummary(), e);
        }
    }
}
