package dev.modelapi.mock.recorded;

/** The kinds of shipped stubs, recorded in each stub's metadata ({@code metadata.modelapi.kind}). */
public enum StubKind {
    /** Matches {@code Prefer: example=<name>}; both modes. */
    EXAMPLE,
    /** Matches {@code Prefer: code=<error code or status>}; both modes. */
    CODE,
    /** Matches any call of the operation (no Prefer); recorded mode only. */
    DEFAULT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
