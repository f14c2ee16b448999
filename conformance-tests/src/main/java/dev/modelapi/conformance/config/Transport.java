package dev.modelapi.conformance.config;

import java.util.Locale;

/** How the suite talks to a Decthings deployment. */
public enum Transport {
    /** The binary framing of the official clients ({@code application/octet-stream}). */
    BINARY("application/octet-stream"),
    /** The logical JSON document ({@code application/json}), which the kit's SDK and mock also speak. */
    JSON("application/json");

    private final String mediaType;

    Transport(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Transport parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown transport '" + value + "' (expected binary or json)");
        }
    }
}
