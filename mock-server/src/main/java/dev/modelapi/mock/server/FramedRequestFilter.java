package dev.modelapi.mock.server;

import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.DecthingsFramingException;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.mock.decthings.DecthingsEncoding;
import dev.modelapi.mock.decthings.DecthingsFraming;
import dev.modelapi.mock.decthings.DecthingsPaths;
import dev.modelapi.mock.http.InternalHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes framed Decthings bodies into their logical JSON before WireMock sees the request, so that stubs (the
 * shipped examples, user mappings, recordings) and the request journal see readable JSON whatever encoding the
 * client spoke, and body matchers such as {@code equalToJson} work for binary clients too. The request keeps its
 * {@code Content-Type} and is marked {@link InternalHeaders#DECODED} (or {@link InternalHeaders#FRAMING_ERROR}, the
 * body left as it was), so the answer goes back framed.
 *
 * <p>A servlet filter after {@link BodyGuardFilter} rather than a WireMock request filter: WireMock copies the whole
 * request once more for every request as soon as any request filter is registered.
 */
public final class FramedRequestFilter implements Filter {

    private final BlobMapping blobMapping;

    public FramedRequestFilter(BlobMapping blobMapping) {
        this.blobMapping = blobMapping;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof BufferedRequest buffered) {
            Optional<OperationBlobs> blobs = framedDecthingsCall(buffered);
            if (blobs.isPresent()) {
                request = decoded(buffered, blobs.get());
            }
        }
        chain.doFilter(request, response);
    }

    private static BufferedRequest decoded(BufferedRequest request, OperationBlobs blobs) {
        try {
            byte[] json = DecthingsFraming.decodeRequest(blobs, request.body());
            return request.with(json, Map.of(InternalHeaders.DECODED, "framed"));
        } catch (DecthingsFramingException | IllegalArgumentException e) {
            return request.with(request.body(), Map.of(InternalHeaders.FRAMING_ERROR, headerSafe(e.getMessage())));
        }
    }

    private Optional<OperationBlobs> framedDecthingsCall(BufferedRequest request) {
        if (request.getHeader(InternalHeaders.BODY_TOO_LARGE) != null
                || !"POST".equals(request.getMethod())
                || DecthingsEncoding.ofContentType(request.getHeader("Content-Type")) != DecthingsEncoding.FRAMED) {
            return Optional.empty();
        }
        return DecthingsPaths.method(request.getRequestURI()).flatMap(blobMapping::find);
    }

    /** Header values cannot hold control characters; framing messages are short ASCII anyway. */
    private static String headerSafe(String message) {
        String s = message == null ? "malformed frame" : message.replaceAll("[\\p{Cntrl}]", " ");
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
