package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.spec.Api;

/** The proxy's URL space: Decthings under {@code /v0} (as its server URL), Pieces at the root (as PiecesOS). */
final class Routes {

    static final String DECTHINGS_BASE = "/v0";

    private Routes() {
    }

    static Api apiOf(String path) {
        return path.equals(DECTHINGS_BASE) || path.startsWith(DECTHINGS_BASE + "/") ? Api.DECTHINGS : Api.PIECES;
    }

    /** The path relative to the API's server URL: {@code /v0/Model/x} → {@code /Model/x}; Pieces paths as they are. */
    static String specPath(Api api, String path) {
        return api == Api.DECTHINGS ? path.substring(DECTHINGS_BASE.length()) : path;
    }

    static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
