package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.spec.ApiOperation;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a list operation's spec says about its parameters, read from the {@code x-modelapi-*} hints (spec/README.md):
 * which parameter is the offset and the limit and under which result property each is echoed, the sort parameter,
 * its sortable fields, direction parameter and default direction, each filter's match rule and the item fields it
 * looks at, and which result properties hold the page and the total. Defaults come from the parameters' own
 * {@code default}.
 */
record QueryHints(String offset, String offsetEcho, Object offsetDefault, String limit, String limitEcho,
                  Object limitDefault, String sort, Object sortDefault, List<String> sortFields,
                  String direction, String defaultDirection, String filter, Map<String, Filter> filters,
                  String items, String total) {

    /** One filter: {@code match} is {@code anyOf}, {@code allOf} or {@code contains}; the item fields it reads. */
    record Filter(String name, String match, List<String> fields) {
    }

    static QueryHints of(ApiOperation op) {
        Schema<?> request = op.catalog().resolve(op.jsonRequest().getSchema());
        String offset = null, offsetEcho = null, limit = null, limitEcho = null, sort = null, direction = null;
        String defaultDirection = null, filter = null;
        Object offsetDefault = null, limitDefault = null, sortDefault = null;
        List<String> sortFields = List.of();
        Map<String, Filter> filters = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> p : request.getProperties().entrySet()) {
            Schema<?> s = p.getValue();
            Map<String, Object> paging = ext(s, "x-modelapi-paging");
            if (paging != null && "offset".equals(paging.get("role"))) {
                offset = p.getKey();
                offsetEcho = (String) paging.get("echoedAs");
                offsetDefault = s.getDefault();
            } else if (paging != null && "limit".equals(paging.get("role"))) {
                limit = p.getKey();
                limitEcho = (String) paging.get("echoedAs");
                limitDefault = s.getDefault();
            }
            Map<String, Object> sorting = ext(s, "x-modelapi-sort");
            if (sorting != null) {
                sort = p.getKey();
                sortDefault = s.getDefault();
                sortFields = strings(sorting.get("fields"));
                direction = (String) sorting.get("directionParameter");
                defaultDirection = (String) sorting.get("defaultDirection");
            }
            Schema<?> resolved = op.catalog().resolve(s);
            if (resolved.getProperties() != null) {
                for (Map.Entry<String, Schema> f : resolved.getProperties().entrySet()) {
                    Map<String, Object> hint = ext(f.getValue(), "x-modelapi-filter");
                    if (hint != null) {
                        filter = p.getKey();
                        filters.put(f.getKey(), new Filter(f.getKey(), (String) hint.get("match"),
                                strings(hint.get("fields"))));
                    }
                }
            }
        }
        String items = null, total = null;
        Schema<?> envelope = op.catalog().resolve(op.jsonResponse(200).getSchema());
        Schema<?> result = envelope.getProperties() == null ? null
                : op.catalog().resolve(envelope.getProperties().get("result"));
        Map<String, Object> page = result == null ? null : ext(result, "x-modelapi-page");
        if (page != null) {
            items = (String) page.get("items");
            total = (String) page.get("total");
        }
        return new QueryHints(offset, offsetEcho, offsetDefault, limit, limitEcho, limitDefault, sort, sortDefault,
                sortFields, direction, defaultDirection, filter, filters, items, total);
    }

    /** The filter that reads exactly these fields with this match rule, or null. */
    Filter filter(String match, String field) {
        return filters.values().stream().filter(f -> f.match().equals(match) && f.fields().contains(field))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ext(Schema<?> s, String name) {
        Object v = s == null || s.getExtensions() == null ? null : s.getExtensions().get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
