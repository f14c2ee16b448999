package dev.modelapi.mock.decthings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Decthings URL space of the mock: {@code /v0/Model/{method}} (sub-API name case-insensitive, as the docs). */
public final class DecthingsPaths {

    /** The server's base path: {@code https://api.decthings.com/v0}. */
    public static final String BASE = "/v0";

    private static final Pattern MODEL_METHOD = Pattern.compile("^/v0/[Mm][Oo][Dd][Ee][Ll]/([A-Za-z0-9_]+)$");

    private DecthingsPaths() {
    }

    /** True for every path under the Decthings base path, known or not. */
    public static boolean isDecthings(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    /** The method name of {@code /v0/Model/{method}}, or empty. */
    public static Optional<String> method(String path) {
        Matcher m = MODEL_METHOD.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The path part of a request URL (no query string). */
    public static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
