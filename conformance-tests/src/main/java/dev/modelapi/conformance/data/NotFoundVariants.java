package dev.modelapi.conformance.data;

import dev.modelapi.conformance.checks.Checks;
import dev.modelapi.conformance.spec.ApiOperation;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which error a missing id gives, by the spec's naming rule: a top-level request property {@code fooBarId} names a
 * {@code fooBar}, and when the operation's error union has {@code foo_bar_not_found} that is the answer to an id
 * that does not exist ({@code modelId} → {@code model_not_found}, {@code trainingSessionId} →
 * {@code training_session_not_found}, …). Nested ids (launchers, datasets, mounted models) are left out: which of
 * several missing things a target reports first is not part of the contract.
 */
public final class NotFoundVariants {

    /** The model, parent of everything else: its id is the one sent at random in read-only mode. */
    public static final String MODEL_ID = "modelId";
    private static final Pattern ID = Pattern.compile("^([a-z][A-Za-z0-9]*)Id$");

    /** One id property and the code a missing value of it gives. */
    public record IdField(String field, String code) {
    }

    private NotFoundVariants() {
    }

    /** The id properties of an operation's request that have a not-found code, {@code modelId} first. */
    public static List<IdField> of(ApiOperation op) {
        List<IdField> out = new ArrayList<>();
        if (!op.hasJsonBody()) {
            return out;
        }
        Set<String> codes = Checks.errorCodes(op);
        Schema<?> request = op.catalog().resolve(op.jsonRequest().getSchema());
        if (request.getProperties() == null) {
            return out;
        }
        for (Map.Entry<String, Schema> p : request.getProperties().entrySet()) {
            Matcher m = ID.matcher(p.getKey());
            if (!m.matches() || !"string".equals(op.catalog().resolve(p.getValue()).getType())) {
                continue;
            }
            String code = snake(m.group(1)) + "_not_found";
            if (codes.contains(code)) {
                IdField f = new IdField(p.getKey(), code);
                if (p.getKey().equals(MODEL_ID)) {
                    out.add(0, f);
                } else {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The code for {@code field}, or null. */
    public static String codeOf(ApiOperation op, String field) {
        return of(op).stream().filter(f -> f.field().equals(field)).map(IdField::code).findFirst().orElse(null);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
