package dev.modelapi.conformance.proxy;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.conformance.spec.Api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Refuses a request body over the cap with 413 in the API's error shape before anything is forwarded; a declared
 * Content-Length is judged before the body is read.
 */
final class BodyCapFilter implements StubRequestFilterV2 {

    private final long maxBodyBytes;

    BodyCapFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String getName() {
        return "modelapi-proxy-body-cap";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        String declared = request.getHeader("Content-Length");
        long length;
        try {
            length = declared != null ? Long.parseLong(declared.trim()) : request.getBody().length;
        } catch (NumberFormatException e) {
            length = request.getBody().length;
        }
        if (length <= maxBodyBytes) {
            return RequestFilterAction.continueWith(request);
        }
        Api api = Routes.apiOf(Routes.pathOf(request.getUrl()));
        GatewayErrors.GatewayError error = GatewayErrors.of(api, 413, "body-too-large", "The request body has "
                + length + " bytes; the modelapi proxy forwards at most " + maxBodyBytes + " (--max-body-bytes).");
        ResponseDefinition answer = aResponse().withStatus(413).withHeader("Content-Type", error.contentType())
                .withHeader(GatewayErrors.HEADER, error.kind()).withBody(error.body()).build();
        return RequestFilterAction.stopWith(answer);
    }
}
