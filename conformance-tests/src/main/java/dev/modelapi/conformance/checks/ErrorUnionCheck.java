package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.data.SchemaView;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.conformance.validation.SpecValidator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code error-union}: every Decthings error's {@code code} is one of the operation's own error union (the
 * discriminator mapping of its {@code XError} schema) and its payload matches the variant that code maps to.
 */
public final class ErrorUnionCheck implements Check, ExchangeRule {

    @Override
    public CheckId id() {
        return CheckId.ERROR_UNION;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return operation.api() == Api.DECTHINGS && union(operation) != null;
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        ExchangeChecks.judgeAll(this, op, run, "no error answer was observed for " + op.id());
    }

    @Override
    public void judge(ApiOperation op, Exchange e, Findings f) {
        if (e.error() == null) {
            return;
        }
        f.examined();
        Map<String, String> mapping = union(op);
        SpecValidator validator = SpecValidator.of(op.api());
        String code = e.errorCode();
        if (code == null) {
            f.add(ExchangeChecks.where(e) + ": the error has no string code", "error.code, one of "
                    + new TreeSet<>(mapping.keySet()), e.error().toString(), e);
            return;
        }
        String target = mapping.get(code);
        if (target == null) {
            f.add(ExchangeChecks.where(e) + ": error code '" + code + "' is not in " + op.id() + "'s union",
                    "one of " + new TreeSet<>(mapping.keySet()), e.error().toString(), e);
            return;
        }
        String variant = SpecCatalog.refName(target);
        List<String> problems = validator.valueProblems(variant, e.error());
        if (!problems.isEmpty()) {
            f.add(ExchangeChecks.where(e) + ": the payload of '" + code + "' does not match " + variant,
                    "a valid " + variant, e.error() + "\n" + String.join("\n", problems), e);
        }
    }

    /** The discriminator mapping (code → variant ref) of the operation's error union, or null. */
    static Map<String, String> union(ApiOperation op) {
        MediaType json = op.jsonResponse(200);
        if (json == null || json.getSchema() == null) {
            return null;
        }
        SchemaView envelope = SchemaView.of(op.catalog(), json.getSchema(), null);
        Schema<?> error = envelope.properties().get("error");
        if (error == null) {
            return null;
        }
        Schema<?> union = op.catalog().resolve(error);
        return union.getDiscriminator() == null ? null : union.getDiscriminator().getMapping();
    }
}
