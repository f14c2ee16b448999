package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a write's own answer must show, from the operation's {@code x-modelapi-answer-shows} hint (spec/README.md):
 * a list of alternatives, each a set of property values that the answered object must all have, or
 * {@code request}: every top-level scalar property the request body sets, except the flags the server computes.
 */
final class AnswerShows {

    static final String EXTENSION = "x-modelapi-answer-shows";
    /** Properties the server computes whatever the request says (Pieces: "calculated on the fly"). */
    static final Set<String> COMPUTED = Set.of("downloaded", "downloading", "loaded");

    private AnswerShows() {
    }

    /** Whether the operation has the hint. */
    static boolean declared(ApiOperation op) {
        return op.extension(EXTENSION) != null;
    }

    /** Judges the answer of {@code e} (a JSON object) against the hint; one finding when it does not show it. */
    static void judge(ApiOperation op, Exchange e, Findings f) {
        Object hint = op.extension(EXTENSION);
        if (hint == null) {
            return;
        }
        f.examined();
        JsonNode answer = e.responseJson();
        if (answer == null || !answer.isObject()) {
            f.add(op.id() + ": the answer is not the object it should show the change in", "a JSON object",
                    e.responseSummary(), e);
            return;
        }
        List<String> problems = new ArrayList<>();
        String expected;
        if ("request".equals(hint)) {
            JsonNode request = e.requestJson();
            StringBuilder sb = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = request == null ? java.util.Collections.emptyIterator()
                    : request.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isValueNode() || field.getValue().isNull() || COMPUTED.contains(field.getKey())) {
                    continue;
                }
                sb.append(sb.length() == 0 ? "" : ", ").append(field.getKey()).append(' ').append(field.getValue());
                if (!field.getValue().equals(answer.get(field.getKey()))) {
                    problems.add(field.getKey() + " " + answer.get(field.getKey()));
                }
            }
            expected = "the values the request set: " + sb;
        } else {
            List<?> alternatives = (List<?>) hint;
            expected = alternatives.size() == 1 ? String.valueOf(alternatives.get(0))
                    : "one of " + alternatives;
            boolean any = false;
            for (Object alternative : alternatives) {
                boolean all = true;
                for (Map.Entry<?, ?> p : ((Map<?, ?>) alternative).entrySet()) {
                    JsonNode wanted = SpecCatalog.toJson(p.getValue());
                    all &= wanted.equals(answer.get(String.valueOf(p.getKey())));
                }
                any |= all;
            }
            if (!any) {
                for (Map.Entry<?, ?> p : ((Map<?, ?>) alternatives.get(0)).entrySet()) {
                    problems.add(p.getKey() + " " + answer.get(String.valueOf(p.getKey())));
                }
            }
        }
        if (!problems.isEmpty()) {
            f.add(op.id() + ": the answer does not show the change the operation makes", expected,
                    String.join(", ", problems), e);
        }
    }
}
