package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.validation.SpecValidator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code response-schema}: every answer body validates against the operation's response schema
 * ({@link SpecValidator#responseBodyProblems}). Decthings answers are validated as their logical JSON document (a
 * framed answer is
 * decoded and its blobs put back as base64 first), which is what the spec's schemas describe.
 */
public final class ResponseSchemaCheck implements Check, ExchangeRule {

    @Override
    public CheckId id() {
        return CheckId.RESPONSE_SCHEMA;
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
        SpecValidator validator = SpecValidator.of(op.api());
        if (!e.answered() || !op.declares(e.status())) {
            return;
        }
        List<String> problems;
        String body;
        if (op.api() == Api.DECTHINGS) {
            if (!op.declaresContent(e.status())) {
                return;
            }
            f.examined();
            if (e.responseJson() == null) {
                f.add(ExchangeChecks.where(e) + ": the body cannot be read as a " + op.id() + " answer",
                        "a JSON envelope (framed or JSON)", e.decodeError() == null ? e.responseSummary()
                                : e.decodeError(), e);
                return;
            }
            problems = validator.responseBodyProblems(op, e.status(), "application/json", e.responseJson());
            body = problems.isEmpty() ? null : e.responseJson().toString();
        } else if (e.responseJson() != null && e.responseBody().length > 0) {
            f.examined(); // a JSON answer the caller has already read: judged without reading it again
            problems = validator.responseBodyProblems(op, e.status(), e.mediaType(), e.responseJson());
            body = problems.isEmpty() ? null : new String(e.responseBody(), StandardCharsets.UTF_8);
        } else {
            f.examined();
            body = e.responseBody().length == 0 ? null : new String(e.responseBody(), StandardCharsets.UTF_8);
            problems = validator.responseBodyProblems(op, e.status(), e.mediaType(), body);
        }
        if (!problems.isEmpty()) {
            f.add(ExchangeChecks.where(e) + ": the body does not match the schema of status " + e.status(),
                    "a body valid against the spec", String.join("\n", problems) + "\nbody: "
                            + Exchange.shorten(body == null ? "(none)" : body, 600), e);
        }
    }
}
