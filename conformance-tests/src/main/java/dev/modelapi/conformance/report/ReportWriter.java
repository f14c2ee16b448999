package dev.modelapi.conformance.report;

import dev.modelapi.conformance.checks.Finding;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a run's reports into the report directory: {@code conformance-results.json}, JUnit XML
 * ({@code junit/TEST-conformance-<api>.xml}, one test per operation × check), {@code conformance-report.md} and
 * {@code conformance-report.html} (the coverage table and the operations never exercised).
 */
public final class ReportWriter {

    public static final String MARKDOWN = "conformance-report.md";
    public static final String HTML = "conformance-report.html";
    public static final String JUNIT_DIR = "junit";

    private final ConformanceRun run;

    public ReportWriter(ConformanceRun run) {
        this.run = run;
    }

    public ResultsFile results() {
        List<ResultsFile.Target> targets = new ArrayList<>();
        for (Api api : run.apis()) {
            targets.add(new ResultsFile.Target(api.key(), String.valueOf(run.url(api)), run.embedded()));
        }
        List<ResultsFile.Cell> cells = new ArrayList<>();
        for (Outcome o : run.results().all()) {
            List<ResultsFile.FindingEntry> findings = new ArrayList<>();
            for (Finding f : o.findings()) {
                findings.add(new ResultsFile.FindingEntry(f.problem(), f.expected(), f.actual(),
                        f.exchange() == null ? null : f.exchange().requestSummary(), f.reproducer()));
            }
            cells.add(new ResultsFile.Cell(o.api().key(), o.operationId(), o.check().key(), o.status().name(),
                    o.message(), findings, o.millis()));
        }
        Set<String> exercised = run.log().exercisedAll();
        List<String> never = new ArrayList<>();
        for (Api api : run.apis()) {
            for (ApiOperation op : SpecCatalog.of(api).operations()) {
                if (!exercised.contains(op.key())) {
                    never.add(op.key());
                }
            }
        }
        CoverageGrid grid = CoverageGrid.of(run.apis(), cells, exercised);
        ResultsFile.Summary summary = new ResultsFile.Summary(
                run.results().count(OutcomeStatus.PASSED), run.results().count(OutcomeStatus.FAILED),
                run.results().count(OutcomeStatus.SKIPPED), grid.totals().get(OutcomeStatus.NOT_COVERED));
        return new ResultsFile(run.started().toString(), run.describe(), targets, summary, cells, never,
                run.cleanup().report());
    }

    public void writeAll() {
        Path dir = run.config().reportDir();
        try {
            Files.createDirectories(dir.resolve(JUNIT_DIR));
            ResultsFile results = results();
            results.write(dir.resolve(ResultsFile.NAME));
            for (Api api : run.apis()) {
                write(dir.resolve(JUNIT_DIR).resolve("TEST-conformance-" + api.key() + ".xml"),
                        JUnitXmlReport.render(api, results));
            }
            CoverageGrid grid = CoverageGrid.of(results);
            write(dir.resolve(MARKDOWN), MarkdownReport.render(results, grid));
            write(dir.resolve(HTML), HtmlReport.render(results, grid));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance reports to " + dir, e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
