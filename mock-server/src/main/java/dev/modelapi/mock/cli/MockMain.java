package dev.modelapi.mock.cli;

import dev.modelapi.mock.Mode;
import dev.modelapi.mock.MockSettings;
import dev.modelapi.mock.ModelApiMock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar modelapi-mock.jar}: serves both APIs until stopped (Ctrl-C, SIGTERM). Prints one line with the
 * base URLs once it listens.
 */
@Command(name = "modelapi-mock", sortOptions = false, usageHelpAutoWidth = true,
        description = "Mock of the Decthings and Pieces OS Model APIs (WireMock 3). Serves until stopped.")
public final class MockMain {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "simulate", converter = ModeConverter.class,
            description = "simulate (stateful, seeded) or recorded (the spec's examples) (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of ids, timestamps and generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Require 'Authorization: Bearer KEY' on Decthings calls (else bad_credentials).")
    String apiKey;

    @Option(names = "--mappings", paramLabel = "DIR",
            description = "Extra WireMock mappings: a WireMock root (DIR/mappings, DIR/__files) or a folder of them.")
    Path mappings;

    @Option(names = "--record-from", paramLabel = "URL",
            description = "Proxy to this deployment and record (with --record-to) instead of simulating.")
    URI recordFrom;

    @Option(names = "--record-to", paramLabel = "DIR",
            description = "Where recorded mappings are written (DIR/mappings) when the mock stops.")
    Path recordTo;

    @Option(names = "--max-body-mib", paramLabel = "MIB", defaultValue = "64",
            description = "Request bodies above this get an error in the API's shape (default: ${DEFAULT-VALUE}).")
    int maxBodyMib;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "0",
            description = "At most N API requests per second: too_many_requests (Decthings) / 500 (Pieces). "
                    + "0 = no limit (default).")
    int rateLimit;

    @Option(names = "--max-request-journal-entries", paramLabel = "N", defaultValue = "2000",
            description = "Requests kept in the request journal for /__admin/requests and verification, oldest "
                    + "dropped first (default: ${DEFAULT-VALUE}).")
    int maxJournalEntries;

    @Option(names = "--no-request-journal",
            description = "Keep no request journal (for long or heavy load runs; cannot be used when recording).")
    boolean noJournal;

    @Option(names = "--verbose", description = "Log every request and response.")
    boolean verbose;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On Ctrl-C / SIGTERM: let run() stop the mock (a recording writes its mappings then) before the JVM halts.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "modelapi-mock-shutdown"));
        int code = run(args, System.out, System.err, stop);
        stopped.countDown();
        System.exit(code);
    }

    /**
     * Parses the arguments, starts the mock, prints its base URLs and serves until {@code stop} opens; returns the
     * exit code (0 after a normal stop or {@code --help}, 2 for bad arguments, 1 if the mock cannot start).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
        MockMain options = new MockMain();
        CommandLine cli = new CommandLine(options)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage());
            cli.usage(err);
            return 2;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        MockSettings settings;
        try {
            settings = options.settings();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        ModelApiMock mock = ModelApiMock.of(settings);
        try {
            mock.start();
        } catch (RuntimeException e) {
            err.println("Cannot start the mock on " + settings.bindAddress() + ":" + settings.port() + ": "
                    + e.getMessage());
            return 1;
        }
        try {
            out.println(startupLine(mock));
            out.flush();
            stop.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            mock.stop();
        }
    }

    /** {@code Decthings: http://127.0.0.1:8080/v0  Pieces: http://127.0.0.1:8080} (plus what a recording does). */
    static String startupLine(ModelApiMock mock) {
        String line = "Decthings: " + mock.decthingsBaseUrl() + "  Pieces: " + mock.piecesBaseUrl();
        if (mock.settings().recording()) {
            line += "  (recording " + mock.settings().recordFrom() + " into " + mock.settings().recordTo() + ")";
        }
        return line;
    }

    MockSettings settings() {
        if (maxBodyMib <= 0) {
            throw new IllegalArgumentException("--max-body-mib must be positive");
        }
        if ((recordFrom == null) != (recordTo == null)) {
            throw new IllegalArgumentException("--record-from and --record-to go together");
        }
        if (maxJournalEntries <= 0) {
            throw new IllegalArgumentException("--max-request-journal-entries must be positive (or use "
                    + "--no-request-journal)");
        }
        return new MockSettings(port, bind, mode, seed, apiKey, mappings, (long) maxBodyMib << 20, rateLimit,
                verbose, recordFrom, recordTo, false, null, noJournal ? 0 : maxJournalEntries);
    }

    /** {@code simulate}/{@code recorded}, case-insensitive. */
    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
