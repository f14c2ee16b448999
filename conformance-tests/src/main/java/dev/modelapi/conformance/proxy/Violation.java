package dev.modelapi.conformance.proxy;

/**
 * One way a forwarded request or answer breaks the contract.
 *
 * @param api       {@code decthings} or {@code pieces}
 * @param operation the operationId, or {@code -} when the request matches no operation
 * @param rule      the suite's check key ({@code response-schema}, {@code error-union}, …), {@code request} for what
 *                  the client sent, or {@code unknown-operation}
 * @param pointer   where in the body, as a JSON pointer ({@code /result/models/0/id}), or empty
 * @param problem   what is wrong, in one line
 * @param expected  what the spec wants
 * @param actual    what was sent or answered (never a header value: secrets stay out)
 * @param method    the request's HTTP method
 * @param path      the request path, without the query string
 * @param status    the upstream's status, or -1 when it gave none
 */
public record Violation(String api, String operation, String rule, String pointer, String problem, String expected,
                        String actual, String method, String path, int status) {

    /** The log line: {@code VIOLATION decthings getModels response-schema /result/total: … (expected …, actual …)}. */
    public String logLine() {
        return "VIOLATION " + api + " " + operation + " " + rule + (pointer.isEmpty() ? "" : " " + pointer) + ": "
                + problem + " (expected: " + oneLine(expected) + "; actual: " + oneLine(actual) + ")";
    }

    /** {@code rule pointer}, the short form of the response header. */
    public String headerValue() {
        return operation + " " + rule + (pointer.isEmpty() ? "" : " " + pointer);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "(none)";
        }
        String line = s.replaceAll("\\s*\\n\\s*", " | ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
