package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.mock.decthings.DecthingsHandler;
import dev.modelapi.mock.decthings.DecthingsPaths;
import dev.modelapi.mock.faults.Faults;
import dev.modelapi.mock.faults.RateLimiter;
import dev.modelapi.mock.http.Prefer;
import dev.modelapi.mock.pieces.PiecesHandler;
import dev.modelapi.mock.recorded.ApiKind;
import dev.modelapi.mock.recorded.StubParameters;

import java.util.Optional;

/**
 * The mock's one global response transformer: every stubbed API request passes through it, in this order:
 * rate limit → {@code Prefer: fault} → the API's handler (Decthings or Pieces) → {@code Prefer: delay}.
 * One transformer rather than several because WireMock does not order transformers.
 */
public final class ModelApiTransformer implements ResponseDefinitionTransformerV2 {

    private final DecthingsHandler decthings;
    private final PiecesHandler pieces;
    private final RateLimiter rateLimiter;
    private final Notifier notifier;

    public ModelApiTransformer(DecthingsHandler decthings, PiecesHandler pieces, RateLimiter rateLimiter,
                               Notifier notifier) {
        this.decthings = decthings;
        this.pieces = pieces;
        this.rateLimiter = rateLimiter;
        this.notifier = notifier;
    }

    @Override
    public String getName() {
        return "modelapi";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            return handle(serveEvent);
        } catch (RuntimeException e) {
            // Never a stack trace on the wire: a bug in the mock is the API's own "internal failure".
            notifier.error("modelapi: failed to answer " + serveEvent.getRequest().getUrl(), e);
            return apiOf(serveEvent.getRequest()) == ApiKind.DECTHINGS
                    ? ResponseDefinitionBuilder.responseDefinition().withStatus(500).build()
                    : pieces.error("Internal Server Error");
        }
    }

    private ResponseDefinition handle(ServeEvent serveEvent) {
        ResponseDefinition stubbed = serveEvent.getResponseDefinition();
        Request request = serveEvent.getRequest();
        StubParameters stub = StubParameters.of(stubbed);
        if (stub.role() == StubParameters.Role.PASSTHROUGH || stubbed == null || !stubbed.wasConfigured()) {
            return stubbed;
        }
        ApiKind api = stub.api().orElseGet(() -> apiOf(request));
        Prefer prefer = Prefer.of(request);

        Optional<ResponseDefinition> limited = rateLimited(api, request);
        if (limited.isPresent()) {
            return limited.get();
        }
        Optional<ResponseDefinition> fault = Faults.fault(prefer);
        if (fault.isPresent()) {
            return fault.get();
        }
        ResponseDefinition answer = api == ApiKind.DECTHINGS
                ? decthings.handle(request, stubbed, stub)
                : pieces.handle(request, stubbed, stub);
        return Faults.withDelay(answer, prefer);
    }

    private Optional<ResponseDefinition> rateLimited(ApiKind api, Request request) {
        if (!rateLimiter.enabled()) {
            return Optional.empty();
        }
        if (api == ApiKind.PIECES) {
            // Only where the spec declares a 500: health checks and GET /model/{model} stay answerable.
            boolean mayFail = pieces.operationOf(request).map(PiecesHandler::declares500).orElse(true);
            if (!mayFail) {
                return Optional.empty();
            }
        }
        if (rateLimiter.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(api == ApiKind.DECTHINGS
                ? decthings.error(request, "too_many_requests")
                : pieces.error("Too many requests: the mock allows " + "at most the configured number of requests"
                        + " per second (--rate-limit)."));
    }

    private static ApiKind apiOf(Request request) {
        return DecthingsPaths.isDecthings(DecthingsPaths.pathOf(request.getUrl())) ? ApiKind.DECTHINGS
                : ApiKind.PIECES;
    }
}
