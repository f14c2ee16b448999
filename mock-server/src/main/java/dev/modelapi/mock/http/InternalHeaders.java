package dev.modelapi.mock.http;

/**
 * Headers that the mock's own filters add to a request on its way to WireMock's matching, so that later stages (and
 * the request journal) know what happened to the body. Clients never need to send them; copies sent by clients are
 * dropped by {@link dev.modelapi.mock.server.BodyGuardFilter}.
 */
public final class InternalHeaders {

    /** Prefix of every internal header. */
    public static final String PREFIX = "X-ModelApi-";

    /** The body exceeded the cap; its value is the size seen (or announced). The body was replaced by nothing. */
    public static final String BODY_TOO_LARGE = PREFIX + "Body-Too-Large";

    /** A framed Decthings body was decoded: the body is now the logical JSON; the value is {@code framed}. */
    public static final String DECODED = PREFIX + "Decoded";

    /** A framed Decthings body could not be decoded; the value says why. The body was left as it was. */
    public static final String FRAMING_ERROR = PREFIX + "Framing-Error";

    private InternalHeaders() {
    }

    public static boolean isInternal(String headerName) {
        return headerName != null && headerName.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}
