package dev.modelapi.mock.decthings;

import com.github.tomakehurst.wiremock.http.Request;
import dev.modelapi.mock.http.InternalHeaders;

import java.util.Locale;

/**
 * The two encodings of a Decthings call. The answer is in the encoding of the request, unless {@code Accept} names
 * exactly one of the two; a request without a JSON content type is framed (that is what the real API and every
 * official client speak).
 */
public enum DecthingsEncoding {
    FRAMED("application/octet-stream"),
    JSON("application/json");

    private final String mediaType;

    DecthingsEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** How the request body is encoded (before the mock decoded a frame). */
    public static DecthingsEncoding ofRequest(Request request) {
        if (request.containsHeader(InternalHeaders.DECODED) || request.containsHeader(InternalHeaders.FRAMING_ERROR)) {
            return FRAMED;
        }
        return ofContentType(request.getHeader("Content-Type"));
    }

    /** How a body of this {@code Content-Type} is encoded (none or not JSON: framed). */
    public static DecthingsEncoding ofContentType(String contentType) {
        return isJson(contentType) ? JSON : FRAMED;
    }

    /** The encoding to answer in. */
    public static DecthingsEncoding forResponse(Request request) {
        String accept = request.getHeader("Accept");
        if (accept != null) {
            String a = accept.toLowerCase(Locale.ROOT);
            boolean json = a.contains("application/json");
            boolean framed = a.contains("application/octet-stream");
            if (json && !framed) {
                return JSON;
            }
            if (framed && !json) {
                return FRAMED;
            }
        }
        return ofRequest(request);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }
}
