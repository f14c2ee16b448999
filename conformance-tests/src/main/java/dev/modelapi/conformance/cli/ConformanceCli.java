package dev.modelapi.conformance.cli;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.config.ConformanceConfig;
import dev.modelapi.conformance.report.ResultsFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar modelapi-conformance.jar}: runs the conformance suite against a deployment (or, with no URL, the
 * embedded mock) and exits 0 when every check passed, 1 when any failed, 2 on bad usage or an unreachable target.
 */
@Command(name = "modelapi-conformance", mixinStandardHelpOptions = true, subcommands = ProxyCommand.class,
        versionProvider = ConformanceCli.Version.class, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Checks a deployment of the Decthings and/or Pieces OS Model API against the kit's spec.",
            "With no URL it starts the embedded mock on a free port and tests both APIs; with one URL it tests that "
                    + "API only.",
            "Exit status: 0 every check passed, 1 a check failed, 2 bad usage or unreachable target.",
            "'proxy' checks the traffic of your own clients instead: modelapi-conformance proxy --help."},
        footer = {"", "Checks: status-code, content-type, response-schema, envelope, error-union, not-a-server-error,",
            "        negative-data, positive-data, stateful, binary-framing, ws-progress, auth.",
            "Secrets in reproducers: export CONFORMANCE_API_KEY / CONFORMANCE_PIECES_APP_ID before running them."})
public final class ConformanceCli implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Option(names = "--decthings-url", paramLabel = "URL",
            description = "Base URL of a Decthings deployment, e.g. https://api.decthings.com/v0")
    String decthingsUrl;

    @Option(names = "--pieces-url", paramLabel = "URL", description = "Base URL of a Pieces OS, e.g. http://localhost:39300")
    String piecesUrl;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Decthings API key (Authorization: Bearer KEY)")
    String apiKey;

    @Option(names = "--pieces-app-id", paramLabel = "ID", description = "Pieces X-Application-ID header value")
    String piecesAppId;

    @Option(names = "--transport", paramLabel = "binary|json", defaultValue = "binary",
            description = "How Decthings requests are encoded (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = "--read-only", description = "Run only operations that change nothing on the target")
    boolean readOnly;

    @Option(names = "--only", paramLabel = "CHECK", split = ",", description = "Run only these checks")
    List<String> only;

    @Option(names = "--skip", paramLabel = "CHECK", split = ",", description = "Do not run these checks")
    List<String> skip;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "conformance-reports",
            description = "Where the reports go (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated data (default: random, printed)")
    Long seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Timeout of one HTTP request (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    private final PrintStream out;

    public ConformanceCli() {
        this(utf8(System.out));
    }

    ConformanceCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(args, utf8(System.out), utf8(System.err)));
    }

    /** Runs the CLI; returns the exit status. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cmd = new CommandLine(new ConformanceCli(out), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ProxyCommand.class ? cls.cast(new ProxyCommand(out)) : CommandLine.defaultFactory().create(cls);
            }
        });
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("error: " + e.getMessage());
            return USAGE;
        });
        return cmd.execute(args);
    }

    @Override
    public Integer call() {
        ConformanceConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println("Run with --help for the options.");
            return USAGE;
        }
        out.println("Model API conformance suite");
        if (config.embedded()) {
            out.println("Target: the embedded mock (both APIs), started on a free loopback port");
        } else {
            for (Map.Entry<String, URI> target : targets(config).entrySet()) {
                String why = TargetProbe.unreachable(target.getValue(), Duration.ofSeconds(10));
                if (why != null) {
                    out.println("error: cannot reach the " + target.getKey() + " deployment at " + target.getValue()
                            + ": " + why);
                    return USAGE;
                }
                out.println("Target: " + target.getKey() + " at " + target.getValue());
            }
        }
        out.println("Configuration: " + (config.embedded() && config.apiKey() == null
                ? config.describe().replace("api-key=none", "api-key=embedded mock's") : config.describe()));
        out.println("Reports: " + config.reportDir().toAbsolutePath());

        Path resultsFile = config.reportDir().resolve(ResultsFile.NAME);
        try {
            Files.deleteIfExists(resultsFile);
        } catch (IOException e) {
            out.println("error: cannot write to " + config.reportDir() + ": " + e.getMessage());
            return USAGE;
        }
        ConsoleProgress progress = new ConsoleProgress(out);
        ConformanceLauncher.run(config, progress);

        if (!Files.exists(resultsFile)) {
            out.println();
            out.println("error: the suite could not run: " + progress.suiteError().orElse("no results were written"));
            return USAGE;
        }
        ResultsFile results;
        try {
            results = ResultsFile.read(resultsFile);
        } catch (IOException e) {
            out.println("error: cannot read " + resultsFile + ": " + e.getMessage());
            return USAGE;
        }
        ConsoleSummary.print(results, out);
        out.println("Reports: " + config.reportDir().resolve("conformance-report.html").toAbsolutePath() + " (also .md,"
                + " conformance-results.json, junit/)");
        progress.suiteError().ifPresent(error -> out.println("error: " + error));
        out.println(results.summary().line());
        out.flush();
        return results.summary().failed() > 0 || progress.suiteError().isPresent() ? FAILED : OK;
    }

    ConformanceConfig config() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, ConformanceConfig.DECTHINGS_URL, decthingsUrl);
        put(p, ConformanceConfig.PIECES_URL, piecesUrl);
        put(p, ConformanceConfig.API_KEY, apiKey);
        put(p, ConformanceConfig.PIECES_APP_ID, piecesAppId);
        put(p, ConformanceConfig.TRANSPORT, transport);
        put(p, ConformanceConfig.READ_ONLY, Boolean.toString(readOnly));
        put(p, ConformanceConfig.ONLY, only == null ? null : String.join(",", only));
        put(p, ConformanceConfig.SKIP, skip == null ? null : String.join(",", skip));
        put(p, ConformanceConfig.REPORT_DIR, reportDir.toString());
        put(p, ConformanceConfig.SEED, seed == null ? null : seed.toString());
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        put(p, ConformanceConfig.TIMEOUT_SECONDS, Integer.toString(timeoutSeconds));
        ConformanceConfig config = ConformanceConfig.from(p);
        if (config.only().stream().anyMatch(config.skip()::contains)) {
            throw new IllegalArgumentException("a check is both in --only and --skip");
        }
        if (java.util.Arrays.stream(CheckId.values()).noneMatch(config::enabled)) {
            throw new IllegalArgumentException("--only and --skip leave no check to run");
        }
        return config;
    }

    private static Map<String, URI> targets(ConformanceConfig config) {
        Map<String, URI> targets = new LinkedHashMap<>();
        if (config.decthingsUrl() != null) {
            targets.put("Decthings", config.decthingsUrl());
        }
        if (config.piecesUrl() != null) {
            targets.put("Pieces OS", config.piecesUrl());
        }
        return targets;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static PrintStream utf8(PrintStream stream) {
        try {
            return new PrintStream(stream, true, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            return stream;
        }
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConformanceCli.class.getPackage().getImplementationVersion();
            return new String[] {"modelapi-conformance " + (v == null ? "(development)" : v),
                "checks: " + String.join(", ", CheckId.keys())};
        }
    }
}
