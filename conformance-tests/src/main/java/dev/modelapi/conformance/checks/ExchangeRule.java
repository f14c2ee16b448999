package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.spec.ApiOperation;

import java.util.List;

/**
 * A check that judges one exchange at a time, without sending anything. The suite runs it over every exchange of an
 * operation; the validating proxy runs the same rule over each exchange of the traffic it forwards, so both hold a
 * deployment to exactly the same rules.
 */
public interface ExchangeRule {

    CheckId id();

    boolean appliesTo(ApiOperation operation);

    /** Adds to {@code findings} what is wrong with {@code exchange} (and counts it as examined when it judged it). */
    void judge(ApiOperation operation, Exchange exchange, Findings findings);

    /** The rules, in report order: status, content type, schema, envelope, error union, no server error, framing. */
    static List<ExchangeRule> all() {
        return Checks.all().stream().filter(c -> c instanceof ExchangeRule).map(c -> (ExchangeRule) c).toList();
    }
}
