package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;

import java.util.Set;

/**
 * {@code content-type}: the answer's media type is one the spec declares for its status; a status declaring no
 * content has no body; a Decthings answer is in the encoding of its request (framed for framed, JSON for JSON).
 */
public final class ContentTypeCheck implements Check, ExchangeRule {

    @Override
    public CheckId id() {
        return CheckId.CONTENT_TYPE;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return !operation.isWebSocket();
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        ExchangeChecks.judgeAll(this, op, run, "no answer with a declared status to judge");
    }

    @Override
    public void judge(ApiOperation op, Exchange e, Findings f) {
        if (!e.answered() || !op.declares(e.status())) {
            return;
        }
        f.examined();
        Set<String> declared = op.responseContentTypes(e.status());
        String media = e.mediaType();
        if (declared.isEmpty()) {
            if (e.responseBody().length > 0 && e.status() < 500) {
                f.add(ExchangeChecks.where(e) + ": status " + e.status() + " declares no body, but one came",
                        "no body", e.responseSummary(), e);
            }
            return;
        }
        if (media == null) {
            if (e.responseBody().length > 0 || !"HEAD".equals(e.httpMethod())) {
                f.add(ExchangeChecks.where(e) + ": no Content-Type", "one of " + declared, e.responseSummary(), e);
            }
            return;
        }
        if (declared.stream().noneMatch(d -> matches(d, media))) {
            f.add(ExchangeChecks.where(e) + ": Content-Type " + media + " is not declared for status " + e.status(),
                    "one of " + declared, e.responseSummary(), e);
            return;
        }
        if (op.api() == Api.DECTHINGS && e.transport() != null && e.status() == 200
                && !e.transport().mediaType().equals(media)) {
            f.add(ExchangeChecks.where(e) + ": a " + e.requestContentType() + " request was answered with "
                    + media, e.transport().mediaType(), e.responseSummary(), e);
        }
    }

    static boolean matches(String declared, String actual) {
        String d = declared.toLowerCase();
        if (d.equals("*/*") || d.equals(actual)) {
            return true;
        }
        return d.endsWith("/*") && actual.startsWith(d.substring(0, d.length() - 1));
    }
}
