package dev.modelapi.mock.validation;

import com.atlassian.oai.validator.report.ValidationReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a validation report into {@link Violation}s that name the offending field. The validator nests the real
 * cause of a failed {@code oneOf}/discriminator inside the outer message, so the deepest message with a JSON pointer
 * is the one that says which field is wrong.
 */
final class Violations {

    private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\]\\s*");
    private static final Pattern MISSING = Pattern.compile("missing required properties \\(\\[\"([^\"]+)\"");

    private Violations() {
    }

    /**
     * The report's errors, most telling first: when a value inside a {@code oneOf} member is wrong, the validator
     * also complains that the member's parent has "properties which are not allowed" (it tried the other members);
     * the field-level message comes first, the deepest field before shallower ones.
     */
    static List<Violation> of(ValidationReport report) {
        List<Violation> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                Violation v = deepest(m);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        out.sort(Comparator.comparing((Violation v) -> v.key().endsWith(".additionalProperties"))
                .thenComparing(v -> -depth(v.field())));
        return out;
    }

    private static int depth(String field) {
        return field.isEmpty() ? 0 : field.split("[.\\[]").length;
    }

    private static Violation deepest(ValidationReport.Message message) {
        ValidationReport.Message leaf = message;
        while (!leaf.getNestedMessages().isEmpty()) {
            ValidationReport.Message next = null;
            for (ValidationReport.Message nested : leaf.getNestedMessages()) {
                if (nested.getLevel() == ValidationReport.Level.ERROR) {
                    next = nested;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            leaf = next;
        }
        String pointer = leaf.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse("");
        String field = dotted(pointer);
        String reason = PATH_PREFIX.matcher(leaf.getMessage()).replaceFirst("");
        Matcher missing = MISSING.matcher(reason);
        if (leaf.getKey().endsWith(".required") && missing.find()) {
            field = field.isEmpty() ? missing.group(1) : field + "." + missing.group(1);
        }
        return new Violation(field, reason, leaf.getKey());
    }

    /** {@code /options/params/0/name} → {@code options.params[0].name} (JSON pointer escapes undone). */
    static String dotted(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(token).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(token);
            }
        }
        return sb.toString();
    }
}
