package dev.modelapi.conformance.report;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code conformance-report.md}: summary, coverage table per API, operations never exercised, failures, skips. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    static String symbol(OutcomeStatus s) {
        return switch (s) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case SKIPPED -> "⏭️";
            case NOT_COVERED -> "·";
        };
    }

    public static String render(ResultsFile r, CoverageGrid grid) {
        StringBuilder md = new StringBuilder("# Model API conformance report\n\n");
        md.append("- Started: ").append(r.started()).append('\n');
        r.targets().forEach(t -> md.append("- ").append(Api.fromKey(t.api()).title()).append(": `").append(t.url())
                .append('`').append(t.embedded() ? " (embedded mock)" : "").append('\n'));
        md.append("- Configuration: ").append(r.configuration()).append("\n\n");
        Map<OutcomeStatus, Long> totals = grid.totals();
        md.append("**").append(r.summary().line()).append("** — ").append(totals.get(OutcomeStatus.NOT_COVERED))
                .append(" of ").append(grid.rows().size() * CheckId.values().length)
                .append(" operation × check cells not covered.\n\n");
        md.append("Legend: ✅ passed · ❌ failed · ⏭️ skipped (the target lacks what the check needs) · "
                + "`·` not covered (the check does not apply to the operation, or was switched off).\n\n");
        for (Api api : apis(r)) {
            md.append("## Coverage — ").append(api.title()).append("\n\n| Operation |");
            for (CheckId c : CheckId.values()) {
                md.append(' ').append(c.key()).append(" |");
            }
            md.append("\n|---|");
            md.append(":---:|".repeat(CheckId.values().length)).append('\n');
            for (CoverageGrid.Row row : grid.rows(api)) {
                md.append("| `").append(row.operation()).append("`").append(row.exercised() ? "" : " (never exercised)")
                        .append(" |");
                for (CheckId c : CheckId.values()) {
                    md.append(' ').append(symbol(row.cells().get(c))).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("## Spec operations never exercised\n\n");
        if (r.neverExercised().isEmpty()) {
            md.append("None: every operation of the documents under test received at least one request.\n\n");
        } else {
            r.neverExercised().forEach(k -> md.append("- `").append(k).append("`").append(reason(r, k)).append('\n'));
            md.append('\n');
        }
        md.append("## Failures\n\n");
        boolean any = false;
        for (ResultsFile.Cell c : r.cells()) {
            if (!c.status().equals(OutcomeStatus.FAILED.name())) {
                continue;
            }
            any = true;
            md.append("### ").append(c.api()).append(' ').append(c.operation()).append(" · ").append(c.check())
                    .append("\n\n");
            if (c.findings().isEmpty()) {
                md.append("```\n").append(c.message()).append("\n```\n\n");
            }
            for (ResultsFile.FindingEntry f : c.findings()) {
                md.append("- **").append(f.problem().replace("\n", " ")).append("**\n");
                md.append("  - expected: `").append(inline(f.expected())).append("`\n");
                md.append("  - actual: `").append(inline(f.actual())).append("`\n");
                if (f.request() != null) {
                    md.append("  - request: `").append(inline(f.request())).append("`\n");
                }
                if (f.reproducer() != null) {
                    md.append("  - reproduce:\n\n    ```sh\n    ").append(f.reproducer()).append("\n    ```\n");
                }
            }
            md.append('\n');
        }
        if (!any) {
            md.append("None.\n\n");
        }
        md.append("## Skipped\n\n");
        boolean skipped = false;
        for (ResultsFile.Cell c : r.cells()) {
            if (c.status().equals(OutcomeStatus.SKIPPED.name())) {
                skipped = true;
                md.append("- `").append(c.api()).append(' ').append(c.operation()).append(" · ").append(c.check())
                        .append("`: ").append(inline(c.message())).append('\n');
            }
        }
        md.append(skipped ? "\n" : "None.\n\n");
        md.append("## Cleanup\n\n");
        if (r.cleanup().isEmpty()) {
            md.append("Nothing left to delete.\n");
        } else {
            r.cleanup().forEach(l -> md.append("- ").append(l).append('\n'));
        }
        md.append('\n').append(r.summary().line()).append('\n');
        return md.toString();
    }

    static Set<Api> apis(ResultsFile r) {
        Set<Api> apis = new LinkedHashSet<>();
        r.targets().forEach(t -> apis.add(Api.fromKey(t.api())));
        return apis;
    }

    /** Why an operation was never exercised, from its skipped cells. */
    static String reason(ResultsFile r, String key) {
        int dot = key.indexOf('.');
        String api = key.substring(0, dot);
        String op = key.substring(dot + 1);
        return r.cells().stream()
                .filter(c -> c.api().equals(api) && c.operation().equals(op) && c.message() != null
                        && c.status().equals(OutcomeStatus.SKIPPED.name()))
                .map(c -> ": " + inline(c.message()))
                .findFirst().orElse("");
    }

    static String inline(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace("\n", " ⏎ ").replace("`", "'");
        return one.length() > 500 ? one.substring(0, 500) + "…" : one;
    }
}
