package dev.modelapi.conformance.report;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operations × checks for the APIs under test: every operation of the spec documents, every check, each cell
 * passed / failed / skipped / not covered (the check does not apply, or was switched off).
 */
public final class CoverageGrid {

    /** One row: an operation and its cells. */
    public record Row(Api api, String operation, String label, Map<CheckId, OutcomeStatus> cells, boolean exercised) {
    }

    private final List<Row> rows;

    private CoverageGrid(List<Row> rows) {
        this.rows = rows;
    }

    public static CoverageGrid of(Set<Api> apis, List<ResultsFile.Cell> cells, Set<String> exercised) {
        List<Row> rows = new ArrayList<>();
        for (Api api : apis) {
            SpecCatalog.of(api).operations().forEach(op -> {
                Map<CheckId, OutcomeStatus> byCheck = new EnumMap<>(CheckId.class);
                for (CheckId id : CheckId.values()) {
                    byCheck.put(id, OutcomeStatus.NOT_COVERED);
                }
                for (ResultsFile.Cell c : cells) {
                    if (c.api().equals(api.key()) && c.operation().equals(op.id())) {
                        byCheck.put(CheckId.fromKey(c.check()), OutcomeStatus.valueOf(c.status()));
                    }
                }
                rows.add(new Row(api, op.id(), op.label(), byCheck, exercised.contains(op.key())));
            });
        }
        return new CoverageGrid(rows);
    }

    /** The grid of a results file (the APIs it targeted). */
    public static CoverageGrid of(ResultsFile results) {
        Set<Api> apis = new java.util.LinkedHashSet<>();
        results.targets().forEach(t -> apis.add(Api.fromKey(t.api())));
        Set<String> exercised = new java.util.HashSet<>();
        for (Api api : apis) {
            SpecCatalog.of(api).operations().forEach(op -> exercised.add(op.key()));
        }
        exercised.removeAll(results.neverExercised());
        return of(apis, results.cells(), exercised);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Row> rows(Api api) {
        return rows.stream().filter(r -> r.api() == api).toList();
    }

    /** Cells per status over the whole grid. */
    public Map<OutcomeStatus, Long> totals() {
        Map<OutcomeStatus, Long> totals = new LinkedHashMap<>();
        for (OutcomeStatus s : OutcomeStatus.values()) {
            totals.put(s, 0L);
        }
        rows.forEach(r -> r.cells().values().forEach(s -> totals.merge(s, 1L, Long::sum)));
        return totals;
    }
}
