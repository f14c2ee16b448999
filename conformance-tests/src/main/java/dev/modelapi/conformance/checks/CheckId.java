package dev.modelapi.conformance.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The names of the checks, in the order of the issue, the report columns and {@code --only}/{@code --skip}. */
public enum CheckId {
    STATUS_CODE("status-code", "SC", "only declared statuses come back"),
    CONTENT_TYPE("content-type", "CT", "the Content-Type is one the spec declares for that status (and transport)"),
    RESPONSE_SCHEMA("response-schema", "RS", "every response body validates (swagger-request-validator)"),
    ENVELOPE("envelope", "EN", "exactly one of result / error"),
    ERROR_UNION("error-union", "EU", "the error code belongs to the operation's union and its payload matches the variant"),
    NOT_A_SERVER_ERROR("not-a-server-error", "5X", "no 5xx except where the spec declares it as the answer"),
    NEGATIVE_DATA("negative-data", "ND", "schema-invalid inputs are rejected (invalid_parameter naming the field / declared error)"),
    POSITIVE_DATA("positive-data", "PD", "schema-valid inputs are accepted"),
    STATEFUL("stateful", "ST", "lifecycles: models, states, snapshots, training, evaluation, settings; read-after-write, use-after-delete"),
    QUERY("query", "QY", "list semantics: paging windows and echo, total, every filter, sort by each field and direction, defaults"),
    WRITE_ANSWER("write-answer", "WA", "a write's own answer shows the change (ids that resolve, flags set, values echoed)"),
    UNIQUENESS("uniqueness", "UQ", "duplicate names refused, names freed by rename and delete, create de-duplication"),
    NOT_FOUND("not-found", "NF", "an id that does not exist gives the operation's own not-found answer"),
    BINARY_FRAMING("binary-framing", "BF", "framed request gives a framed answer; blobs round-trip; tensors decode"),
    WS_PROGRESS("ws-progress", "WS", "download progress stream: schema, order, one terminal status, cancel"),
    AUTH("auth", "AU", "missing or wrong key gives bad_credentials where a key is required");

    private final String key;
    private final String code;
    private final String summary;

    CheckId(String key, String code, String summary) {
        this.key = key;
        this.code = code;
        this.summary = summary;
    }

    /** The check's name as users type it: {@code status-code}. */
    public String key() {
        return key;
    }

    /** Two-letter column code of the console table. */
    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }

    public static CheckId fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (CheckId id : values()) {
            if (id.key.equals(k) || id.name().equalsIgnoreCase(k.replace('-', '_'))) {
                return id;
            }
        }
        throw new IllegalArgumentException("Unknown check '" + key.trim() + "' (known: " + keys() + ")");
    }

    /** Parses {@code a,b,c} (blank → empty set). */
    public static Set<CheckId> parseList(String list) {
        Set<CheckId> ids = EnumSet.noneOf(CheckId.class);
        if (list == null || list.isBlank()) {
            return ids;
        }
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                ids.add(fromKey(part));
            }
        }
        return ids;
    }

    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(values()).forEach(c -> keys.add(c.key));
        return keys;
    }

    @Override
    public String toString() {
        return key;
    }
}
