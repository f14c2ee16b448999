package dev.modelapi.conformance.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.flows.FlowCells;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.http.RequestEncodingException;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Probe;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code binary-framing}: a framed request ({@code application/octet-stream}) gets a framed answer that decodes: a
 * varint-prefixed JSON envelope followed by exactly the blobs that {@code x-decthings-blobs} calls for, tensor blobs
 * being valid serialized tensors. With {@code --transport json} the operation's valid requests are sent framed once
 * more for this check. On {@code uploadState}/{@code getModelState}, blobs must also round-trip byte for byte.
 */
public final class BinaryFramingCheck implements Check, ExchangeRule {

    @Override
    public CheckId id() {
        return CheckId.BINARY_FRAMING;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return operation.api() == Api.DECTHINGS;
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        Probe probe = run.probes().of(op);
        Findings f = run.findings();
        for (Exchange e : framedExchanges(op, run, probe)) {
            judge(op, e, f);
        }
        String roundTripSkip = null;
        if (FlowCells.roundTrip(op)) {
            try {
                run.flows().blobRoundTrip().conclude(op.id());
                f.examined();
            } catch (CheckFailure failure) {
                f.examined();
                failure.findings().forEach(f::add);
            } catch (TestAbortedException skipped) {
                roundTripSkip = skipped.getMessage();
            }
        }
        f.conclude(probe.skipReason() != null ? probe.skipReason()
                : roundTripSkip != null ? roundTripSkip : "no framed answer to judge");
    }

    /** Judges a framed exchange (one whose request was {@code application/octet-stream}); others are not its business. */
    @Override
    public void judge(ApiOperation op, Exchange e, Findings f) {
        if (e.transport() != Transport.BINARY || !e.answered() || e.status() >= 500) {
            return;
        }
        f.examined();
        if (e.status() != 200) {
            f.add(ExchangeChecks.where(e) + ": a framed request was answered with HTTP " + e.status(), "HTTP 200",
                    e.responseSummary(), e);
        } else if (!"application/octet-stream".equals(e.mediaType())) {
            f.add(ExchangeChecks.where(e) + ": a framed request was not answered in the framing",
                    "Content-Type application/octet-stream", e.responseSummary(), e);
        } else if (e.decodeError() != null) {
            f.add(ExchangeChecks.where(e) + ": the framed answer does not decode", "varint JSON length, JSON,"
                    + " then the blobs of x-decthings-blobs (" + blobsOf(op) + ")", e.decodeError(), e);
        }
    }

    private static List<Exchange> framedExchanges(ApiOperation op, ConformanceRun run, Probe probe) {
        if (run.config().transport() == Transport.BINARY) {
            List<Exchange> all = new ArrayList<>(probe.positive());
            all.addAll(probe.negative());
            return all;
        }
        List<Exchange> framed = new ArrayList<>();
        for (Exchange json : probe.positive()) {
            try {
                framed.add(run.decthings().call(op, (ObjectNode) json.requestJson(),
                        Call.of(Intent.POSITIVE, json.description() + ", framed").withTransport(Transport.BINARY)));
            } catch (RequestEncodingException e) {
                // the request has no valid binary form: nothing to judge
            }
        }
        return framed;
    }

    private static String blobsOf(ApiOperation op) {
        Object ext = op.extension("x-decthings-blobs");
        return ext == null ? "none" : String.valueOf(ext);
    }
}
