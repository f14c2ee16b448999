package dev.modelapi.conformance.run;

import dev.modelapi.conformance.checks.Check;
import dev.modelapi.conformance.checks.CheckFailure;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.config.ConformanceConfig;
import dev.modelapi.conformance.data.RequestAdapter;
import dev.modelapi.conformance.flows.Flows;
import dev.modelapi.conformance.http.Backoff;
import dev.modelapi.conformance.http.CurlReproducer;
import dev.modelapi.conformance.http.DecthingsCaller;
import dev.modelapi.conformance.http.ExchangeLog;
import dev.modelapi.conformance.http.HttpSender;
import dev.modelapi.conformance.http.PiecesCaller;
import dev.modelapi.conformance.report.Outcome;
import dev.modelapi.conformance.report.OutcomeStatus;
import dev.modelapi.conformance.report.ReportWriter;
import dev.modelapi.conformance.report.RunResults;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import org.opentest4j.TestAbortedException;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Everything one run of the suite shares: the configuration, the targets (the embedded mock when no URL is given),
 * the callers, the exchange log, fixtures, probes, flows, what must be cleaned up, and the results. Closing it
 * deletes what the run created, writes the reports and stops the embedded mock; a shutdown hook does the same
 * cleanup when the run is interrupted.
 */
public final class ConformanceRun implements AutoCloseable {

    private final ConformanceConfig config;
    private final EmbeddedTarget embedded;
    private final URI decthingsUrl;
    private final URI piecesUrl;
    private final String runId;
    private final ExchangeLog log = new ExchangeLog();
    private final CleanupRegistry cleanup = new CleanupRegistry();
    private final RunResults results = new RunResults();
    private final RequestAdapter adapter;
    private final CurlReproducer curl;
    private final DecthingsCaller decthings;
    private final PiecesCaller pieces;
    private final Fixtures fixtures;
    private final OperationProbes probes;
    private final Flows flows;
    private final Instant started = Instant.now();
    private final TrafficPlan trafficPlan;
    private final Thread shutdownHook;
    private boolean closed;

    private ConformanceRun(ConformanceConfig config, EmbeddedTarget embedded) {
        this.config = config;
        this.embedded = embedded;
        this.decthingsUrl = embedded != null ? embedded.decthingsUrl() : config.decthingsUrl();
        this.piecesUrl = embedded != null ? embedded.piecesUrl() : config.piecesUrl();
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        this.runId = HexFormat.of().formatHex(random);
        this.adapter = RequestAdapter.withRandomIds("conformance-" + runId);
        this.curl = new CurlReproducer(config.reportDir().resolve("reproducers"));
        HttpSender sender = new HttpSender(config.requestTimeout());
        Backoff backoff = Backoff.standard();
        String apiKey = embedded != null ? embedded.apiKey() : config.apiKey();
        this.decthings = decthingsUrl == null ? null : new DecthingsCaller(decthingsUrl, apiKey,
                "conformance-wrong-key-" + runId, config.transport(), sender, log, backoff);
        // the Pieces spec declares no rate limiting (no 429): its answers are judged as they come
        this.pieces = piecesUrl == null ? null : new PiecesCaller(piecesUrl, config.piecesAppId(), sender, log,
                Backoff.none());
        ResourceTracker tracker = new ResourceTracker(cleanup, decthings, pieces, adapter.prefix());
        log.addListener(tracker::onExchange);
        this.fixtures = new Fixtures(this);
        this.probes = new OperationProbes(this);
        this.flows = new Flows(this);
        this.trafficPlan = new TrafficPlan(this);
        this.shutdownHook = new Thread(this::onShutdown, "conformance-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a run: with no URL configured, starts the embedded mock first. */
    public static ConformanceRun start(ConformanceConfig config) {
        EmbeddedTarget embedded = null;
        if (config.embedded()) {
            if (!EmbeddedTarget.mockOnClasspath()) {
                throw new IllegalStateException("No target URL given (conformance.decthingsUrl / conformance.piecesUrl,"
                        + " --decthings-url / --pieces-url), and the embedded mock is not on the classpath: add"
                        + " dev.modelapi:modelapi-mock as a (test) dependency to run against it.");
            }
            embedded = EmbeddedMock.start(config.seed(), config.apiKey());
        }
        return new ConformanceRun(config, embedded);
    }

    /**
     * Sends all of an API's probe and flow traffic (once, in parallel: {@link TrafficPlan}), so that the checks
     * judging an operation's answers see every exchange the run will have with it, whatever order the cells run in.
     * Flows of disabled checks are left out; a flow that fails here fails again in its own cell.
     */
    public void generateTraffic(Api api) {
        trafficPlan.await(api);
    }

    /** Runs one cell and records its outcome. */
    public void execute(Check check, ApiOperation op) {
        long start = System.nanoTime();
        try {
            generateTraffic(op.api());
            check.run(op, this);
            record(op, check, OutcomeStatus.PASSED, null, null, start);
        } catch (CheckFailure f) {
            record(op, check, OutcomeStatus.FAILED, f.getMessage(), f, start);
            throw f;
        } catch (TestAbortedException s) {
            record(op, check, OutcomeStatus.SKIPPED, s.getMessage(), null, start);
            throw s;
        } catch (AssertionError | RuntimeException e) {
            record(op, check, OutcomeStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), null, start);
            throw e;
        }
    }

    private void record(ApiOperation op, Check check, OutcomeStatus status, String message, CheckFailure failure,
                        long start) {
        results.add(new Outcome(op.api(), op.id(), check.id(), status, message,
                failure == null ? List.of() : failure.findings(), (System.nanoTime() - start) / 1_000_000));
    }

    public ConformanceConfig config() {
        return config;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public Set<Api> apis() {
        return config.apis();
    }

    public boolean tests(Api api) {
        return api == Api.DECTHINGS ? decthings != null : pieces != null;
    }

    public URI url(Api api) {
        return api == Api.DECTHINGS ? decthingsUrl : piecesUrl;
    }

    public DecthingsCaller decthings() {
        if (decthings == null) {
            throw new IllegalStateException("The Decthings API is not under test");
        }
        return decthings;
    }

    public PiecesCaller pieces() {
        if (pieces == null) {
            throw new IllegalStateException("The Pieces API is not under test");
        }
        return pieces;
    }

    public ExchangeLog log() {
        return log;
    }

    public Fixtures fixtures() {
        return fixtures;
    }

    public OperationProbes probes() {
        return probes;
    }

    public Flows flows() {
        return flows;
    }

    public RequestAdapter adapter() {
        return adapter;
    }

    public CurlReproducer curl() {
        return curl;
    }

    public Findings findings() {
        return new Findings(curl);
    }

    /** The configuration in one line, for reports (the embedded mock's key counts as a configured key). */
    public String describe() {
        String d = config.describe();
        return embedded != null && config.apiKey() == null ? d.replace("api-key=none", "api-key=embedded mock's") : d;
    }

    public long seed() {
        return config.seed();
    }

    public String runId() {
        return runId;
    }

    public RunResults results() {
        return results;
    }

    public CleanupRegistry cleanup() {
        return cleanup;
    }

    public Instant started() {
        return started;
    }

    /** Deletes what the run created, writes the reports, stops the embedded mock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook runs anyway
        }
        trafficPlan.close();
        try {
            cleanup.cleanAll();
            new ReportWriter(this).writeAll();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** What the shutdown hook does when a run is interrupted: delete what it created, stop the embedded mock. */
    void onShutdown() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<String> lines = cleanup.cleanAll();
        if (!lines.isEmpty()) {
            System.err.println("[conformance] interrupted: cleaned up " + lines.size() + " resource(s)");
            lines.forEach(l -> System.err.println("[conformance]   " + l));
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
