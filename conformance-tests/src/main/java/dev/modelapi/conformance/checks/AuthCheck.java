package dev.modelapi.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.data.SchemaInstanceGenerator;
import dev.modelapi.conformance.http.AuthMode;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.http.RequestEncodingException;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.OperationTraits;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.opentest4j.TestAbortedException;

import java.util.Map;

/**
 * {@code auth}: where the spec requires a key (Decthings {@code bearerAuth}), a request without one and a request with
 * a wrong one get {@code bad_credentials}; where it allows anonymous calls ({@code security: [{}, …]}), a request
 * without a key is not refused for credentials. Runs only when a key is configured (the embedded mock always has
 * one): without a key the suite cannot tell whether the deployment requires one. The requests carry only random
 * identifiers, so a deployment that wrongly accepts them touches nothing.
 */
public final class AuthCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.AUTH;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return operation.api() == Api.DECTHINGS;
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        if (!run.decthings().hasApiKey()) {
            throw new TestAbortedException("no API key configured (--api-key): cannot tell whether the deployment"
                    + " requires one");
        }
        if (run.config().readOnly() && !OperationTraits.readOnly(op)) {
            throw new TestAbortedException("read-only mode: " + op.id() + " changes state");
        }
        ObjectNode request = request(op, run);
        Findings f = run.findings();
        if (op.allowsAnonymous()) {
            Exchange none = send(op, run, request, AuthMode.NONE, Intent.AUTH_MISSING, "without a key");
            f.examined();
            if ("bad_credentials".equals(none.errorCode()) || none.status() == 401 || none.status() == 403) {
                f.add(op.id() + " allows anonymous calls (security: {}), but a call without a key was refused",
                        "no bad_credentials", none.responseSummary(), none);
            }
        } else {
            for (AuthMode mode : new AuthMode[] {AuthMode.NONE, AuthMode.WRONG}) {
                boolean missing = mode == AuthMode.NONE;
                Exchange e = send(op, run, request, mode, missing ? Intent.AUTH_MISSING : Intent.AUTH_WRONG,
                        missing ? "without a key" : "with a wrong key");
                f.examined();
                if (!"bad_credentials".equals(e.errorCode())) {
                    f.add(op.id() + " called " + (missing ? "without a key" : "with a wrong key")
                                    + " was not refused with bad_credentials",
                            "{\"error\": {\"code\": \"bad_credentials\"}}", e.responseSummary(), e);
                }
            }
        }
        f.conclude(null);
    }

    private static Exchange send(ApiOperation op, ConformanceRun run, ObjectNode request, AuthMode mode,
                                 Intent intent, String description) {
        try {
            return run.decthings().call(op, request, new Call(intent, description, null, mode, null));
        } catch (RequestEncodingException e) {
            throw new TestAbortedException("the request cannot be framed: " + e.getMessage());
        }
    }

    /** A valid request with every identifier random and every name prefixed. */
    private static ObjectNode request(ApiOperation op, ConformanceRun run) {
        Map<String, Object> examples = op.requestExamples();
        JsonNode base = examples.isEmpty()
                ? new SchemaInstanceGenerator(op.catalog(), run.seed()).generate(op.jsonRequest().getSchema())
                : SpecCatalog.toJson(examples.containsKey("success") ? examples.get("success")
                        : examples.values().iterator().next());
        return (ObjectNode) run.adapter().adapt(base, Map.of(), true, true);
    }
}
