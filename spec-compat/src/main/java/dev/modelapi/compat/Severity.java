package dev.modelapi.compat;

/** How much a change can hurt, from the worst. */
public enum Severity {
    /** Breaks existing clients or the wire format: needs an acknowledgement in {@code spec/CHANGES.md}. */
    BREAKING,
    /**
     * Safe for this kit's SDK (unions have an {@code Unknown} variant, enums are open) but breaks clients that reject
     * what they do not know, e.g. a new union member or enum value in a response.
     */
    STRICT_CLIENTS,
    /** Compatible: worth listing, never gating (a new operation, an optional request field). */
    COMPATIBLE
}
