package dev.modelapi.conformance.http;

/** Which credentials a request carries. */
public enum AuthMode {
    /** The configured key (or none when none is configured). */
    CONFIGURED,
    /** No credentials at all. */
    NONE,
    /** A key that the deployment cannot know. */
    WRONG
}
