package dev.modelapi.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;

import java.util.ArrayList;
import java.util.List;

/** {@code envelope}: every Decthings answer is an object with exactly one of {@code result} and {@code error}. */
public final class EnvelopeCheck implements Check, ExchangeRule {

    @Override
    public CheckId id() {
        return CheckId.ENVELOPE;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return operation.api() == Api.DECTHINGS;
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        ExchangeChecks.judgeAll(this, op, run, "no HTTP 200 answer to judge");
    }

    @Override
    public void judge(ApiOperation op, Exchange e, Findings f) {
        if (e.status() != 200) {
            return;
        }
        f.examined();
        JsonNode json = e.responseJson();
        if (json == null) {
            f.add(ExchangeChecks.where(e) + ": the envelope cannot be read", "{\"result\": …} or {\"error\": …}",
                    e.decodeError() == null ? e.responseSummary() : e.decodeError(), e);
            return;
        }
        if (!json.isObject()) {
            f.add(ExchangeChecks.where(e) + ": the envelope is not an object", "{\"result\": …} or {\"error\": …}",
                    e.responseSummary(), e);
            return;
        }
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        boolean result = json.has("result");
        boolean error = json.has("error");
        if (result == error) {
            f.add(ExchangeChecks.where(e) + ": " + (result ? "both result and error" : "neither result nor error"),
                    "exactly one of result and error", "keys " + keys, e);
        } else if (keys.size() != 1) {
            f.add(ExchangeChecks.where(e) + ": the envelope has other keys besides "
                    + (result ? "result" : "error"), "exactly one key", "keys " + keys, e);
        } else if (!json.get(keys.get(0)).isObject()) {
            f.add(ExchangeChecks.where(e) + ": " + keys.get(0) + " is not an object", keys.get(0) + ": {…}",
                    e.responseSummary(), e);
        }
    }
}
