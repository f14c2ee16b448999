package dev.modelapi.conformance.http;

/** Why the suite sent a request, which decides what a correct answer is. */
public enum Intent {
    /** A schema-valid request (a named example or a value generated from the schema). */
    POSITIVE,
    /** A request made invalid on purpose (one field broken). */
    NEGATIVE,
    /** A valid request about a resource that does not exist. */
    NOT_FOUND,
    /** A valid request sent without credentials. */
    AUTH_MISSING,
    /** A valid request sent with a wrong key. */
    AUTH_WRONG,
    /** A step of a stateful flow (valid request). */
    FLOW,
    /**
     * A valid request that the resource's state makes impossible (a model loaded before it is downloaded): the
     * operation's declared error answer is the right one.
     */
    REFUSAL;

    /** Whether the request itself is valid, so that a rejection is wrong. */
    public boolean validRequest() {
        return this == POSITIVE || this == FLOW || this == REFUSAL;
    }
}
