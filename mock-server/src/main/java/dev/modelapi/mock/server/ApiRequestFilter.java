package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.DecthingsFramingException;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.mock.decthings.DecthingsEncoding;
import dev.modelapi.mock.decthings.DecthingsFraming;
import dev.modelapi.mock.decthings.DecthingsPaths;
import dev.modelapi.mock.http.InternalHeaders;
import dev.modelapi.mock.http.MockJson;

import java.util.Arrays;
import java.util.Optional;

/**
 * Runs before WireMock matches a request against the stubs: undoes the body guard's escape, and decodes framed
 * Decthings bodies into their logical JSON. Stubs (the shipped examples, user mappings, recordings) and the request
 * journal therefore see readable JSON whatever encoding the client spoke, and body matchers such as
 * {@code equalToJson} work for binary clients too.
 */
public final class ApiRequestFilter implements RequestFilterV2 {

    private final BlobMapping blobMapping;

    public ApiRequestFilter(BlobMapping blobMapping) {
        this.blobMapping = blobMapping;
    }

    @Override
    public String getName() {
        return "modelapi-request-decoder";
    }

    @Override
    public boolean applyToAdmin() {
        return false;
    }

    @Override
    public boolean applyToStubs() {
        return true;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        RequestWrapper.Builder wrapper = RequestWrapper.create();
        boolean changed = false;
        if (request.containsHeader(InternalHeaders.BODY_ESCAPED)) {
            body = body.length == 0 ? body : Arrays.copyOfRange(body, 1, body.length);
            wrapper.removeHeader(InternalHeaders.BODY_ESCAPED);
            changed = true;
        }
        Optional<OperationBlobs> blobs = framedDecthingsCall(request);
        if (blobs.isPresent()) {
            try {
                body = MockJson.bytes(DecthingsFraming.decodeRequest(blobs.get(), body));
                wrapper.addHeader(InternalHeaders.DECODED, "framed");
            } catch (DecthingsFramingException | IllegalArgumentException e) {
                wrapper.addHeader(InternalHeaders.FRAMING_ERROR, headerSafe(e.getMessage()));
            }
            changed = true;
        }
        if (!changed) {
            return RequestFilterAction.continueWith(request);
        }
        byte[] finalBody = body;
        return RequestFilterAction.continueWith(
                wrapper.transformBody(old -> new Body(finalBody)).wrap(request));
    }

    private Optional<OperationBlobs> framedDecthingsCall(Request request) {
        if (request.containsHeader(InternalHeaders.BODY_TOO_LARGE)
                || !"POST".equals(request.getMethod().getName())
                || DecthingsEncoding.ofRequest(request) != DecthingsEncoding.FRAMED) {
            return Optional.empty();
        }
        return DecthingsPaths.method(DecthingsPaths.pathOf(request.getUrl())).flatMap(blobMapping::find);
    }

    /** Header values cannot hold control characters; framing messages are short ASCII anyway. */
    private static String headerSafe(String message) {
        String s = message == null ? "malformed frame" : message.replaceAll("[\\p{Cntrl}]", " ");
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
