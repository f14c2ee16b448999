package dev.modelapi.mock;

import java.util.Locale;

/** What answers the API calls. */
public enum Mode {
    /** In-memory, stateful simulation (deterministic with the seed). The default. */
    SIMULATE,
    /** The named examples of the spec, shipped as WireMock mapping files in the jar. */
    RECORDED;

    /** {@code simulate} or {@code recorded}, case-insensitive. */
    public static Mode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown mode '" + text + "' (expected simulate or recorded)", e);
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
