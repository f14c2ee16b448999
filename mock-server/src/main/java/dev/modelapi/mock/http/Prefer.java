package dev.modelapi.mock.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The preferences a client puts in {@code Prefer} headers (RFC 7240 syntax, as Prism reads it):
 * {@code example=<name>}, {@code code=<error code or HTTP status>}, {@code delay=<ms>},
 * {@code fault=connection-reset|empty-response|malformed-response}. Unknown preferences are ignored.
 */
public record Prefer(Optional<String> example, Optional<String> code, OptionalLong delayMillis,
                     Optional<String> fault) {

    public static final String HEADER = "Prefer";
    private static final Prefer NONE = new Prefer(Optional.empty(), Optional.empty(), OptionalLong.empty(),
            Optional.empty());

    public static Prefer none() {
        return NONE;
    }

    /** The preferences of a WireMock request (none if it has no Prefer header). */
    public static Prefer of(com.github.tomakehurst.wiremock.http.Request request) {
        com.github.tomakehurst.wiremock.http.HttpHeader header = request.header(HEADER);
        return header == null || !header.isPresent() ? NONE : parse(header.values());
    }

    /** Reads every {@code Prefer} header value; later values win. Never throws. */
    public static Prefer parse(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return NONE;
        }
        String example = null;
        String code = null;
        Long delay = null;
        String fault = null;
        for (String value : headerValues) {
            if (value == null) {
                continue;
            }
            for (String token : value.split("[,;]")) {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = token.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String val = unquote(token.substring(eq + 1).trim());
                if (val.isEmpty()) {
                    continue;
                }
                switch (key) {
                    case "example" -> example = val;
                    case "code" -> code = val;
                    case "delay" -> delay = parseDelay(val, delay);
                    case "fault" -> fault = val.toLowerCase(Locale.ROOT);
                    default -> { }
                }
            }
        }
        return new Prefer(Optional.ofNullable(example), Optional.ofNullable(code),
                delay == null ? OptionalLong.empty() : OptionalLong.of(delay), Optional.ofNullable(fault));
    }

    /** True if the client asked for a particular example or code. */
    public boolean picksExample() {
        return example.isPresent() || code.isPresent();
    }

    private static Long parseDelay(String val, Long previous) {
        try {
            long ms = Long.parseLong(val);
            return ms < 0 ? previous : ms;
        } catch (NumberFormatException e) {
            return previous;
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
