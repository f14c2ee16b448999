package dev.modelapi.conformance.cli;

import dev.modelapi.conformance.proxy.ValidatingProxy;
import dev.modelapi.conformance.proxy.ViolationLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar modelapi-conformance.jar proxy --decthings-upstream URL --pieces-upstream URL}: the validating
 * proxy. Serves until {@code POST /__admin/shutdown} or SIGTERM/SIGINT, then writes the reports; with
 * {@code --fail-on-violation} the exit status is 1 when anything broke the contract.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Forwards a client's traffic to a deployment unchanged and checks every request and answer against the"
                    + " spec, with the suite's own rules.",
            "Decthings clients use http://localhost:PORT/v0, Pieces clients http://localhost:PORT.",
            "Each violation: one log line, the x-modelapi-violations answer header, and the report"
                    + " (GET /__admin/modelapi/violations[?format=junit&api=decthings|html|results]).",
            "Stops on POST /__admin/shutdown or SIGTERM; then writes the reports to --report-dir."},
        footer = {"", "Exit status: 0 stopped (no violation, or no --fail-on-violation), 1 a violation with"
                + " --fail-on-violation, 2 bad usage."})
final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--decthings-upstream", paramLabel = "URL",
            description = "The Decthings deployment, as its server URL, e.g. https://api.decthings.com/v0")
    URI decthingsUpstream;

    @Option(names = "--pieces-upstream", paramLabel = "URL", description = "The Pieces OS, e.g. http://localhost:39300")
    URI piecesUpstream;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090",
            description = "Port to listen on, 0 for a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--fail-on-invalid-answer",
            description = "Answer 502 with the violations instead of passing on an answer that breaks the contract")
    boolean strict;

    @Option(names = "--fail-on-violation", description = "Exit 1 on shutdown when anything broke the contract (CI)")
    boolean failOnViolation;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "proxy-reports",
            description = "Where the reports go on shutdown (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--upstream-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the upstream before answering 504 (default: ${DEFAULT-VALUE})")
    int upstreamTimeoutSeconds;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "67108864",
            description = "Largest request body forwarded; larger ones get 413 (default: ${DEFAULT-VALUE})")
    long maxBodyBytes;

    private final PrintStream out;

    ProxyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (decthingsUpstream == null && piecesUpstream == null) {
            out.println("error: give --decthings-upstream URL and/or --pieces-upstream URL");
            return ConformanceCli.USAGE;
        }
        ValidatingProxy.Builder builder = ValidatingProxy.builder().port(port).failOnInvalidAnswer(strict)
                .upstreamTimeout(Duration.ofSeconds(upstreamTimeoutSeconds)).maxBodyBytes(maxBodyBytes)
                .logTo(out::println);
        if (decthingsUpstream != null) {
            builder.decthingsUpstream(decthingsUpstream);
        }
        if (piecesUpstream != null) {
            builder.piecesUpstream(piecesUpstream);
        }
        ValidatingProxy proxy = builder.start();
        out.println("Validating proxy on port " + proxy.port());
        if (decthingsUpstream != null) {
            out.println("  Decthings: " + proxy.decthingsUrl() + " -> " + decthingsUpstream);
        }
        if (piecesUpstream != null) {
            out.println("  Pieces:    " + proxy.piecesUrl() + " -> " + piecesUpstream);
        }
        out.println("  Report:    http://localhost:" + proxy.port() + "/__admin/modelapi/violations");
        AtomicBoolean finished = new AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            if (finished.compareAndSet(false, true)) {
                int status = finish(proxy);
                proxy.close();
                // a signal ends the JVM with the signal's status; halt gives CI the verdict instead
                Runtime.getRuntime().halt(status);
            }
        }, "modelapi-proxy-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        while (proxy.isRunning()) {
            Thread.sleep(200);
        }
        if (!finished.compareAndSet(false, true)) {
            Thread.currentThread().join(); // the shutdown hook reports and halts
        }
        Runtime.getRuntime().removeShutdownHook(onSignal);
        return finish(proxy);
    }

    private int finish(ValidatingProxy proxy) {
        ViolationLog log = proxy.log();
        log.writeReports(reportDir);
        ViolationLog.JudgingTime time = log.judgingTime();
        out.println("Validating proxy: " + log.exchanges() + " exchanges, " + log.violationCount() + " violation(s);"
                + (time.exchanges() == 0 ? "" : String.format(Locale.ROOT,
                        " judging took %.0f µs at p50, %.0f µs at p99;", time.p50Micros(), time.p99Micros()))
                + " reports in " + reportDir.toAbsolutePath());
        return failOnViolation && log.violationCount() > 0 ? ConformanceCli.FAILED : ConformanceCli.OK;
    }
}
