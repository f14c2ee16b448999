package dev.modelapi.conformance.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.report.CoverageGrid;
import dev.modelapi.conformance.report.HtmlReport;
import dev.modelapi.conformance.report.JUnitXmlReport;
import dev.modelapi.conformance.report.OutcomeStatus;
import dev.modelapi.conformance.report.ResultsFile;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the proxied traffic showed so far: every violation, and per operation × rule whether it was exercised and
 * broken. Renders the suite's own reports from it ({@link ResultsFile} JSON, JUnit XML per API, the HTML coverage
 * table), so a team reads proxy results and suite results the same way. Thread-safe.
 */
public final class ViolationLog {

    /** Report file names, written by {@link #writeReports(Path)}. */
    public static final String VIOLATIONS_JSON = "violations.json";
    public static final String RESULTS_JSON = "proxy-results.json";
    public static final String HTML = "proxy-report.html";

    /** Violations kept in full; beyond, only counted (a proxy left running in front of a broken server). */
    static final int KEPT = 10_000;
    /** Findings kept per operation × rule cell of the report. */
    static final int KEPT_PER_CELL = 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record CellKey(Api api, String operation, CheckId check) {
    }

    /**
     * The time the proxy spent on an exchange between the upstream's answer and its verdict (reading the exchange,
     * judging it): the latency it adds beyond the forwarding hop.
     *
     * @param exchanges how many exchanges were timed
     * @param p50Micros median, microseconds
     * @param p99Micros 99th percentile, microseconds
     * @param maxMicros the slowest, microseconds
     */
    public record JudgingTime(long exchanges, double p50Micros, double p99Micros, double maxMicros) {
    }

    private final Instant started = Instant.now();
    private final Set<Api> apis;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<CellKey, List<ResultsFile.FindingEntry>> cells = new LinkedHashMap<>();
    private final Set<String> exercised = new LinkedHashSet<>();
    private long exchanges;
    private long violationCount;
    /** Nanoseconds, up to a minute, three significant digits. */
    private final Histogram judging = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);

    /** @param apis the APIs the proxy forwards (the report lists their operations) */
    ViolationLog(Set<Api> apis) {
        this.apis = Set.copyOf(apis);
    }

    synchronized void record(Api api, TrafficJudge.Judgement judgement) {
        record(api, judgement, -1);
    }

    /** @param judgedNanos the time spent on this exchange ({@link JudgingTime}), or -1 when not timed */
    synchronized void record(Api api, TrafficJudge.Judgement judgement, long judgedNanos) {
        if (judgedNanos >= 0) {
            judging.recordValue(Math.min(judgedNanos, judging.getHighestTrackableValue()));
        }
        exchanges++;
        violationCount += judgement.violations().size();
        for (Violation v : judgement.violations()) {
            if (violations.size() < KEPT) {
                violations.add(v);
            }
        }
        ApiOperation op = judgement.operation();
        if (op == null) {
            return;
        }
        exercised.add(op.key());
        judgement.examined().keySet().forEach(check ->
                cells.computeIfAbsent(new CellKey(api, op.id(), check), k -> new ArrayList<>()));
        for (Violation v : judgement.violations()) {
            if (!v.rule().equals(TrafficJudge.REQUEST_RULE)) {
                List<ResultsFile.FindingEntry> cell = cells.computeIfAbsent(
                        new CellKey(api, op.id(), CheckId.fromKey(v.rule())), k -> new ArrayList<>());
                if (cell.size() < KEPT_PER_CELL) {
                    cell.add(new ResultsFile.FindingEntry(v.problem(), v.expected(), v.actual(),
                            v.method() + " " + v.path(), null));
                }
            }
        }
    }

    /** The violations so far, in the order they happened (the first {@value #KEPT}). */
    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** How many violations there were, also those beyond {@value #KEPT}. */
    public synchronized long violationCount() {
        return violationCount;
    }

    /** How many exchanges were judged. */
    public synchronized long exchanges() {
        return exchanges;
    }

    /** The time spent per exchange so far. */
    public synchronized JudgingTime judgingTime() {
        return new JudgingTime(judging.getTotalCount(), judging.getValueAtPercentile(50) / 1e3,
                judging.getValueAtPercentile(99) / 1e3, judging.getMaxValue() / 1e3);
    }

    /** Forgets everything (the admin endpoint's DELETE: a test starts from a clean log). */
    synchronized void clear() {
        judging.reset();
        violations.clear();
        violationCount = 0;
        cells.clear();
        exercised.clear();
        exchanges = 0;
    }

    /** The traffic as the suite's results: one cell per operation × rule the traffic exercised. */
    public synchronized ResultsFile results() {
        List<ResultsFile.Target> targets = apis.stream().sorted()
                .map(api -> new ResultsFile.Target(api.key(), "proxied traffic", false)).toList();
        List<ResultsFile.Cell> out = new ArrayList<>();
        long passed = 0;
        long failed = 0;
        for (Map.Entry<CellKey, List<ResultsFile.FindingEntry>> e : cells.entrySet()) {
            boolean broken = !e.getValue().isEmpty();
            if (broken) {
                failed++;
            } else {
                passed++;
            }
            out.add(new ResultsFile.Cell(e.getKey().api().key(), e.getKey().operation(), e.getKey().check().key(),
                    (broken ? OutcomeStatus.FAILED : OutcomeStatus.PASSED).name(),
                    broken ? e.getValue().size() + " violation(s): " + e.getValue().get(0).problem() : null,
                    List.copyOf(e.getValue()), 0));
        }
        List<String> never = new ArrayList<>();
        for (Api api : apis) {
            for (ApiOperation op : SpecCatalog.of(api).operations()) {
                if (!exercised.contains(op.key())) {
                    never.add(op.key());
                }
            }
        }
        CoverageGrid grid = CoverageGrid.of(apis, out, Set.copyOf(exercised));
        ResultsFile.Summary summary = new ResultsFile.Summary(passed, failed, 0,
                grid.totals().getOrDefault(OutcomeStatus.NOT_COVERED, 0L));
        return new ResultsFile(started.toString(), "validating proxy, " + exchanges + " exchanges", targets, summary,
                out, never, List.of());
    }

    /** {@code {"exchanges": n, "violationCount": n, "judging": {…}, "violations": [...]}}. */
    public String violationsJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        synchronized (this) {
            doc.put("exchanges", exchanges);
            doc.put("violationCount", violationCount);
            doc.put("judging", judgingTime());
            doc.put("violations", List.copyOf(violations));
        }
        try {
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String junitXml(Api api) {
        return JUnitXmlReport.render(api, results());
    }

    public String html() {
        ResultsFile results = results();
        return HtmlReport.render(results, CoverageGrid.of(results));
    }

    /** Writes violations.json, proxy-results.json, junit/TEST-proxy-&lt;api&gt;.xml and proxy-report.html. */
    public void writeReports(Path dir) {
        try {
            Files.createDirectories(dir.resolve("junit"));
            Files.writeString(dir.resolve(VIOLATIONS_JSON), violationsJson(), StandardCharsets.UTF_8);
            results().write(dir.resolve(RESULTS_JSON));
            for (Api api : apis) {
                Files.writeString(dir.resolve("junit").resolve("TEST-proxy-" + api.key() + ".xml"), junitXml(api),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve(HTML), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the proxy reports to " + dir, e);
        }
    }
}
