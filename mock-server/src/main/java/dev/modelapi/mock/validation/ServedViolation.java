package dev.modelapi.mock.validation;

import java.util.List;

/**
 * A response the mock served that does not conform to the spec.
 *
 * @param request e.g. {@code POST /v0/Model/createModel}
 * @param status the HTTP status served
 * @param body the served body (decoded to logical JSON for framed Decthings answers), shortened
 * @param violations what is wrong with it
 */
public record ServedViolation(String request, int status, String body, List<Violation> violations) {

    @Override
    public String toString() {
        return request + " → " + status + ": " + violations + "\n    body: " + body;
    }
}
