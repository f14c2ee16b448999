package dev.modelapi.conformance.cli;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.report.CoverageGrid;
import dev.modelapi.conformance.report.OutcomeStatus;
import dev.modelapi.conformance.report.ResultsFile;
import dev.modelapi.conformance.spec.Api;

import java.io.PrintStream;
import java.util.Set;

/** The end of the console output: the table of operations × checks, each failure with a reproducer, the counts. */
final class ConsoleSummary {

    /** Findings printed per failed cell (the report has all). */
    static final int FINDINGS_PER_CELL = 3;

    private ConsoleSummary() {
    }

    static void print(ResultsFile results, PrintStream out) {
        CoverageGrid grid = CoverageGrid.of(results);
        int width = grid.rows().stream().mapToInt(r -> r.operation().length()).max().orElse(20) + 2;
        for (Api api : apis(results)) {
            out.println();
            out.println(api.title() + " — operations × checks");
            StringBuilder header = new StringBuilder(String.format("  %-" + width + "s", "operation"));
            for (CheckId c : CheckId.values()) {
                header.append(String.format(" %-4s", c.code()));
            }
            out.println(header);
            for (CoverageGrid.Row row : grid.rows(api)) {
                StringBuilder line = new StringBuilder(String.format("  %-" + width + "s", row.operation()));
                for (CheckId c : CheckId.values()) {
                    line.append(' ').append(cell(row.cells().get(c)));
                }
                if (!row.exercised()) {
                    line.append("  (never exercised)");
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.println();
        out.println("  ok passed · FAIL failed · skip skipped (reason in the report) · - not covered");
        StringBuilder legend = new StringBuilder(" ");
        for (CheckId c : CheckId.values()) {
            if (legend.length() > 90) {
                out.println(legend);
                legend = new StringBuilder(" ");
            }
            legend.append(' ').append(c.code()).append('=').append(c.key());
        }
        out.println(legend);

        boolean first = true;
        for (ResultsFile.Cell c : results.cells()) {
            if (!c.status().equals(OutcomeStatus.FAILED.name())) {
                continue;
            }
            if (first) {
                out.println();
                out.println("Failures");
                first = false;
            }
            out.println();
            out.println("✘ " + c.api() + " " + c.operation() + " · " + c.check());
            if (c.findings().isEmpty()) {
                out.println("    " + String.valueOf(c.message()).replace("\n", "\n    "));
            }
            int shown = 0;
            for (ResultsFile.FindingEntry f : c.findings()) {
                if (shown++ == FINDINGS_PER_CELL) {
                    out.println("    … " + (c.findings().size() - FINDINGS_PER_CELL) + " more in the report");
                    break;
                }
                out.println("    " + f.problem().replace("\n", "\n    "));
                out.println("      expected: " + indent(f.expected()));
                out.println("      actual:   " + indent(f.actual()));
                if (f.reproducer() != null) {
                    out.println("      reproduce: " + f.reproducer());
                }
            }
        }
        out.println();
        if (!results.neverExercised().isEmpty()) {
            out.println("Never exercised: " + String.join(", ", results.neverExercised()));
        }
        results.cleanup().stream().filter(l -> l.startsWith("NOT deleted")).forEach(l -> out.println("cleanup: " + l));
    }

    private static String cell(OutcomeStatus s) {
        return switch (s) {
            case PASSED -> "ok  ";
            case FAILED -> "FAIL";
            case SKIPPED -> "skip";
            case NOT_COVERED -> "-   ";
        };
    }

    private static String indent(String s) {
        if (s == null) {
            return "(none)";
        }
        String t = s.length() > 1500 ? s.substring(0, 1500) + "…" : s;
        return t.replace("\n", "\n                ");
    }

    private static Set<Api> apis(ResultsFile r) {
        Set<Api> apis = new java.util.LinkedHashSet<>();
        r.targets().forEach(t -> apis.add(Api.fromKey(t.api())));
        return apis;
    }
}
