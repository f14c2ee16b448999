package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static dev.modelapi.conformance.flows.DecthingsSteps.JSON;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * getModels over a known set: five models of the suite's own, created in an order that is not their name order,
 * with tags that split them. Paging windows (offset/limit echoed, disjoint, complete, in order, past the end empty),
 * {@code total} = number of matches whatever the page, every filter narrowing exactly (and filters combining),
 * sort by each sortable field in both directions, and the documented defaults. Parameter roles, sortable fields and
 * filter rules come from the spec ({@link QueryHints}). Equal sort keys (two models created in the same
 * millisecond) may come in any order. In read-only mode the same promises are checked, as far as they can be, on
 * whatever the target lists.
 */
final class QuerySemantics {

    static final String LIST = "getModels";
    /** Name suffixes in creation order: deliberately not sorted. */
    private static final List<String> CREATION_ORDER = List.of("c", "a", "e", "b", "d");
    private static final List<String> GROUP = List.of("a", "b", "c");
    private static final String RUN_TAG = "conformance-run";
    private static final String GROUP_TAG = "conformance-group";

    private final ConformanceRun run;
    private final DecthingsSteps steps;
    private final QueryHints hints = QueryHints.of(SpecCatalog.of(Api.DECTHINGS).operation(LIST));
    private Findings f;

    QuerySemantics(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        f = verdicts.of(CheckId.QUERY).at(LIST);
        if (hints.items() == null || hints.total() == null || hints.offset() == null || hints.limit() == null
                || hints.sort() == null || hints.direction() == null || hints.filter("contains", "name") == null) {
            verdicts.of(CheckId.QUERY).skip(LIST, "the spec's getModels lacks the x-modelapi-paging / -sort / -filter /"
                    + " -page hints the query check reads (spec/README.md)");
            return;
        }
        if (run.config().readOnly()) {
            new Observed().run();
            return;
        }
        String token = run.adapter().name("qry");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String letter : CREATION_ORDER) {
            ObjectNode request = steps.codeModelRequest(token + "-" + letter);
            ArrayNode tags = ((ObjectNode) request.get("options")).putArray("tags");
            tags.addObject().put("tag", RUN_TAG).put("value", run.runId());
            if (GROUP.contains(letter)) {
                tags.addObject().put("tag", GROUP_TAG).put("value", "alpha");
            }
            Exchange e = steps.call("createModel", request, "create query model " + letter);
            String id = text(e.result(), "modelId");
            if (id == null) {
                verdicts.of(CheckId.QUERY).skip(LIST, "the query models could not be created: " + e.responseSummary());
                return;
            }
            ids.put(letter, id);
        }
        new Known(token, ids).run();
    }

    // ---------------------------------------------------------------- requests and pages

    private ObjectNode request(Consumer<ObjectNode> filter) {
        ObjectNode r = JSON.objectNode();
        if (filter != null && hints.filter() != null) {
            filter.accept(r.putObject(hints.filter()));
        }
        return r;
    }

    private JsonNode page(ObjectNode request, String description) {
        Exchange e = steps.call(LIST, request, description);
        f.examined();
        if (e.result() == null || !e.result().path(hints.items()).isArray()) {
            f.add(description + ": getModels failed", "a result with " + hints.items(), e.responseSummary(), e);
            return null;
        }
        last = e;
        return e.result();
    }

    private Exchange last;

    private List<String> ids(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path(hints.items()).forEach(m -> out.add(text(m, "id")));
        return out;
    }

    private void echo(JsonNode result, Object offset, Object limit, String description) {
        if (hints.offsetEcho() != null && offset != null
                && result.path(hints.offsetEcho()).asLong(-1) != ((Number) offset).longValue()) {
            f.add(description + ": the offset used is not echoed", hints.offsetEcho() + " " + offset,
                    hints.offsetEcho() + " " + result.get(hints.offsetEcho()), last);
        }
        if (hints.limitEcho() != null && limit != null
                && result.path(hints.limitEcho()).asLong(-1) != ((Number) limit).longValue()) {
            f.add(description + ": the limit used is not echoed", hints.limitEcho() + " " + limit,
                    hints.limitEcho() + " " + result.get(hints.limitEcho()), last);
        }
        if (limit != null && result.path(hints.items()).size() > ((Number) limit).intValue()) {
            f.add(description + ": more items than the limit", "at most " + limit + " items",
                    result.path(hints.items()).size() + " items", last);
        }
    }

    /** Whether the items are ordered by {@code field} in {@code direction} by some usual collation (ties free). */
    private boolean ordered(JsonNode result, String field, String direction) {
        List<JsonNode> values = new ArrayList<>();
        result.path(hints.items()).forEach(m -> values.add(m.get(field)));
        boolean desc = "desc".equals(direction);
        List<Comparator<JsonNode>> orders = values.stream().allMatch(v -> v != null && v.isNumber())
                ? List.of(Comparator.comparingDouble(JsonNode::asDouble))
                : List.of(Comparator.comparing(JsonNode::asText), Comparator.comparing(JsonNode::asText,
                        String.CASE_INSENSITIVE_ORDER), Comparator.comparing(JsonNode::asText,
                        Collator.getInstance(Locale.ROOT)));
        for (Comparator<JsonNode> order : orders) {
            Comparator<JsonNode> c = desc ? order.reversed() : order;
            boolean ok = true;
            for (int i = 1; i < values.size() && ok; i++) {
                ok = values.get(i - 1) != null && values.get(i) != null && c.compare(values.get(i - 1), values.get(i)) <= 0;
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private String sortedBy(JsonNode result, String field) {
        List<String> values = new ArrayList<>();
        result.path(hints.items()).forEach(m -> values.add(String.valueOf(m.get(field))));
        return field + " " + values;
    }

    // ---------------------------------------------------------------- over the suite's own models

    /** The five models of the suite's own: exact answers. */
    private final class Known {
        private final String token;
        private final Map<String, String> ids;

        Known(String token, Map<String, String> ids) {
            this.token = token;
            this.ids = ids;
        }

        void run() {
            windows("asc", List.of("a", "b", "c", "d", "e"));
            windows("desc", List.of("e", "d", "c", "b", "a"));
            pastTheEnd();
            createdAt("asc");
            createdAt("desc");
            defaults();
            filters();
        }

        private Consumer<ObjectNode> search() {
            QueryHints.Filter s = hints.filter("contains", "name");
            return filter -> filter.put(s.name(), token);
        }

        private ObjectNode byName(Consumer<ObjectNode> filter, String direction, Integer offset, Integer limit) {
            ObjectNode r = request(filter);
            r.put(hints.sort(), "name");
            if (direction != null) {
                r.put(hints.direction(), direction);
            }
            if (offset != null) {
                r.put(hints.offset(), offset);
            }
            if (limit != null) {
                r.put(hints.limit(), limit);
            }
            return r;
        }

        private List<String> letters(List<String> modelIds) {
            List<String> out = new ArrayList<>();
            for (String id : modelIds) {
                String letter = ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                        .findFirst().orElse("other model " + id);
                out.add(letter);
            }
            return out;
        }

        /** Pages of 2 over the 5, by name: echoed, each total 5, together exactly the 5 in order. */
        private void windows(String direction, List<String> expected) {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 5; offset += 2) {
                String what = "page offset " + offset + ", limit 2, by name " + direction;
                JsonNode r = page(byName(search(), direction, offset, 2), what);
                if (r == null) {
                    return;
                }
                echo(r, offset, 2, what);
                total(r, 5, what);
                seen.addAll(letters(ids(r)));
            }
            if (!seen.equals(expected)) {
                f.add("paging windows by name " + direction + " must be disjoint, complete and in order",
                        "models " + expected + " (pages of 2)", "models " + seen, last);
            }
        }

        private void total(JsonNode r, int expected, String what) {
            if (r.path(hints.total()).asLong(-1) != expected) {
                f.add(what + ": total must count every model that matches the filter, not the page",
                        hints.total() + " " + expected, hints.total() + " " + r.get(hints.total()), last);
            }
        }

        private void pastTheEnd() {
            String what = "offset 5 of 5 matches";
            JsonNode r = page(byName(search(), "asc", 5, 2), what);
            if (r != null) {
                echo(r, 5, 2, what);
                total(r, 5, what);
                if (!r.path(hints.items()).isEmpty()) {
                    f.add(what + ": a page past the end is empty", "no models", "models " + letters(ids(r)), last);
                }
            }
        }

        private void createdAt(String direction) {
            ObjectNode request = request(search());
            request.put(hints.sort(), "createdAt").put(hints.direction(), direction);
            String what = "sort by createdAt " + direction;
            JsonNode r = page(request, what);
            if (r == null) {
                return;
            }
            if (!ordered(r, "createdAt", direction)) {
                f.add(what + ": the models are not in that order", "createdAt " + direction, sortedBy(r, "createdAt"),
                        last);
            }
            List<String> expected = new ArrayList<>(CREATION_ORDER);
            if ("desc".equals(direction)) {
                java.util.Collections.reverse(expected);
            }
            List<String> got = letters(ids(r));
            if (got.size() != 5 || !new java.util.HashSet<>(got).equals(new java.util.HashSet<>(expected))) {
                f.add(what + ": not exactly the 5 models of the filter", "models " + expected, "models " + got, last);
            } else if (distinct(r, "createdAt") && !got.equals(expected)) {
                f.add(what + ": the models are not in creation order", "models " + expected, "models " + got, last);
            }
        }

        /** Omitted offset, limit, sort and direction: the spec's defaults. */
        private void defaults() {
            String what = "only a filter (offset, limit, sort, direction omitted)";
            JsonNode r = page(request(search()), what);
            if (r == null) {
                return;
            }
            echo(r, hints.offsetDefault(), hints.limitDefault(), what);
            total(r, 5, what);
            String field = hints.sortDefault() == null ? null : hints.sortDefault().toString();
            if (field != null && !ordered(r, field, hints.defaultDirection())) {
                f.add(what + ": not sorted by the default " + field + " " + hints.defaultDirection(),
                        field + " " + hints.defaultDirection(), sortedBy(r, field), last);
            }
            String w = "sort by name, direction omitted";
            JsonNode byName = page(byName(search(), null, null, null), w);
            if (byName != null && !letters(ids(byName)).equals(List.of("a", "b", "c", "d", "e"))) {
                f.add(w + ": the default direction is " + hints.defaultDirection(), "models [a, b, c, d, e]",
                        "models " + letters(ids(byName)), last);
            }
        }

        private void filters() {
            QueryHints.Filter idsF = hints.filter("anyOf", "id");
            QueryHints.Filter namesF = hints.filter("anyOf", "name");
            QueryHints.Filter tagsF = hints.filter("allOf", "tags");
            QueryHints.Filter searchF = hints.filter("contains", "name");
            QueryHints.Filter ownersF = hints.filters().values().stream()
                    .filter(x -> x.fields().stream().anyMatch(field -> field.startsWith("owner.")))
                    .findFirst().orElse(null);
            if (idsF != null) {
                expect("filter " + idsF.name() + " [a, c]", List.of("a", "c"),
                        fl -> fl.putArray(idsF.name()).add(ids.get("a")).add(ids.get("c")));
            }
            if (namesF != null) {
                expect("filter " + namesF.name() + " [b, d]", List.of("b", "d"),
                        fl -> fl.putArray(namesF.name()).add(token + "-b").add(token + "-d"));
            }
            if (tagsF != null) {
                expect("filter " + tagsF.name() + " [run tag]", List.of("a", "b", "c", "d", "e"),
                        fl -> fl.putArray(tagsF.name()).addObject().put("tag", RUN_TAG).put("value", run.runId()));
                expect("filter " + tagsF.name() + " [run tag, group tag] (all must match)", GROUP, fl -> {
                    ArrayNode t = fl.putArray(tagsF.name());
                    t.addObject().put("tag", RUN_TAG).put("value", run.runId());
                    t.addObject().put("tag", GROUP_TAG).put("value", "alpha");
                });
            }
            if (searchF != null) {
                expect("filter " + searchF.name() + " (the run's token)", List.of("a", "b", "c", "d", "e"),
                        fl -> fl.put(searchF.name(), token));
                expect("filter " + searchF.name() + " (one name's end)", List.of("b"),
                        fl -> fl.put(searchF.name(), token + "-b"));
            }
            if (ownersF != null && searchF != null) {
                JsonNode one = steps.model(ids.get("a"), "read a query model's owner", f);
                JsonNode owner = one == null ? null : one.path("owner");
                String ownerId = owner == null ? null : owner.has("userId") ? text(owner, "userId")
                        : text(owner, "organizationId");
                if (ownerId != null) {
                    expect("filter " + ownersF.name() + " [the owner] and the token", List.of("a", "b", "c", "d", "e"),
                            fl -> {
                                fl.putArray(ownersF.name()).add(ownerId);
                                fl.put(searchF.name(), token);
                            });
                }
                expect("filter " + ownersF.name() + " [an owner that does not exist] and the token", List.of(),
                        fl -> {
                            fl.putArray(ownersF.name()).add(run.adapter().randomId());
                            fl.put(searchF.name(), token);
                        });
            }
            if (namesF != null && tagsF != null) {
                expect("filter " + namesF.name() + " [a, d] and " + tagsF.name() + " [group tag] (all criteria)",
                        List.of("a"), fl -> {
                            fl.putArray(namesF.name()).add(token + "-a").add(token + "-d");
                            fl.putArray(tagsF.name()).addObject().put("tag", GROUP_TAG).put("value", "alpha");
                        });
            }
            if (idsF != null) {
                String what = "filter " + idsF.name() + " [a, b, c], limit 1";
                JsonNode r = page(byName(fl -> fl.putArray(idsF.name()).add(ids.get("a")).add(ids.get("b"))
                        .add(ids.get("c")), "asc", null, 1), what);
                if (r != null) {
                    total(r, 3, what);
                }
            }
        }

        private void expect(String what, List<String> expected, Consumer<ObjectNode> filter) {
            JsonNode r = page(byName(filter, "asc", null, null), what);
            if (r == null) {
                return;
            }
            List<String> got = letters(ids(r));
            if (!got.equals(expected)) {
                f.add(what + ": the filter does not narrow exactly", "models " + expected, "models " + got, last);
            }
            total(r, expected.size(), what);
        }
    }

    private boolean distinct(JsonNode result, String field) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode m : result.path(hints.items())) {
            if (!seen.add(String.valueOf(m.get(field)))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- read-only: what the target already lists

    /** Read-only mode: the promises that hold for any data. */
    private final class Observed {
        void run() {
            String what = "no parameters";
            JsonNode all = page(JSON.objectNode(), what);
            if (all == null) {
                return;
            }
            echo(all, hints.offsetDefault(), hints.limitDefault(), what);
            if (all.path(hints.total()).asLong(-1) < all.path(hints.items()).size()) {
                f.add(what + ": total must count at least the models of the page", hints.total() + " ≥ page size",
                        hints.total() + " " + all.get(hints.total()), last);
            }
            String field = hints.sortDefault() == null ? null : hints.sortDefault().toString();
            if (field != null && !ordered(all, field, hints.defaultDirection())) {
                f.add(what + ": not sorted by the default " + field, field + " " + hints.defaultDirection(),
                        sortedBy(all, field), last);
            }
            ObjectNode window = JSON.objectNode().put(hints.offset(), 1).put(hints.limit(), 2);
            JsonNode w = page(window, "offset 1, limit 2");
            if (w != null) {
                echo(w, 1, 2, "offset 1, limit 2");
            }
            for (String sortField : hints.sortFields()) {
                for (String direction : List.of("asc", "desc")) {
                    ObjectNode r = JSON.objectNode().put(hints.sort(), sortField).put(hints.direction(), direction);
                    JsonNode sorted = page(r, "sort by " + sortField + " " + direction);
                    if (sorted != null && !ordered(sorted, sortField, direction)) {
                        f.add("sort by " + sortField + " " + direction + ": the models are not in that order",
                                sortField + " " + direction, sortedBy(sorted, sortField), last);
                    }
                }
            }
            List<String> listed = ids(all);
            QueryHints.Filter idsF = hints.filter("anyOf", "id");
            if (idsF != null && !listed.isEmpty()) {
                List<String> some = listed.subList(0, Math.min(2, listed.size()));
                ObjectNode r = request(fl -> {
                    ArrayNode a = fl.putArray(idsF.name());
                    some.forEach(a::add);
                });
                JsonNode got = page(r, "filter " + idsF.name() + " " + some);
                if (got != null && !new java.util.HashSet<>(ids(got)).equals(new java.util.HashSet<>(some))) {
                    f.add("filter " + idsF.name() + ": exactly the listed models with those ids", "ids " + some,
                            "ids " + ids(got), last);
                }
            }
            QueryHints.Filter searchF = hints.filter("contains", "name");
            String name = all.path(hints.items()).isEmpty() ? null : text(all.path(hints.items()).get(0), "name");
            if (searchF != null && name != null && !name.isEmpty()) {
                JsonNode got = page(request(fl -> fl.put(searchF.name(), name)), "filter " + searchF.name());
                if (got != null) {
                    for (JsonNode m : got.path(hints.items())) {
                        if (!text(m, "name").toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                            f.add("filter " + searchF.name() + ": a model whose name does not contain the text",
                                    "names containing \"" + name + "\"", "name " + m.get("name"), last);
                        }
                    }
                }
            }
        }
    }
}
