package dev.modelapi.maven;

import dev.modelapi.conformance.cli.ConformanceCli;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the conformance suite — the same command as {@code java -jar modelapi-conformance.jar} — and fails the build
 * when a check failed. The target: the given {@code decthingsUrl} / {@code piecesUrl}; without them the mock that
 * {@code modelapi:start} started in this project (with its API key); without that, the suite's own embedded mock.
 * Reports (JUnit XML, HTML, Markdown, JSON) go to {@code reportDirectory}.
 */
@Mojo(name = "conformance", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class ConformanceMojo extends AbstractMojo {

    /** Base URL of a Decthings deployment, with the version ({@code https://api.decthings.com/v0}). */
    @Parameter(property = "conformance.decthingsUrl")
    String decthingsUrl;

    /** Base URL of a Pieces OS ({@code http://localhost:39300}). */
    @Parameter(property = "conformance.piecesUrl")
    String piecesUrl;

    /** Decthings API key. */
    @Parameter(property = "conformance.apiKey")
    String apiKey;

    /** Pieces {@code X-Application-ID}. */
    @Parameter(property = "conformance.piecesAppId")
    String piecesAppId;

    /** {@code binary} (the default) or {@code json}: how Decthings requests are encoded. */
    @Parameter(property = "conformance.transport", defaultValue = "binary")
    String transport;

    /** Send only requests that change nothing on the target. */
    @Parameter(property = "conformance.readOnly", defaultValue = "false")
    boolean readOnly;

    /** Run only these checks (names as in the suite's README: status-code, response-schema, …). */
    @Parameter(property = "conformance.only")
    List<String> only;

    /** Do not run these checks. */
    @Parameter(property = "conformance.skip")
    List<String> skipChecks;

    /** Where the reports go. */
    @Parameter(property = "conformance.reportDir", defaultValue = "${project.build.directory}/conformance-reports")
    File reportDirectory;

    /** Seed of the generated data; a failure's report names the seed that reproduces it. */
    @Parameter(property = "conformance.seed")
    Long seed;

    /** Timeout of one HTTP request, in seconds. */
    @Parameter(property = "conformance.timeoutSeconds", defaultValue = "30")
    int timeoutSeconds;

    /** Report failed checks but do not fail the build. */
    @Parameter(property = "conformance.testFailureIgnore", defaultValue = "false")
    boolean testFailureIgnore;

    /** Skips the goal. */
    @Parameter(property = "conformance.skipRun", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the conformance suite (conformance.skipRun)");
            return;
        }
        List<String> args = arguments();
        getLog().info("modelapi-conformance " + String.join(" ", redacted(args)));
        int status;
        try (PrintStream out = LogLines.to(getLog()::info); PrintStream err = LogLines.to(getLog()::error)) {
            status = ConformanceCli.execute(args.toArray(String[]::new), out, err);
        }
        String reports = new File(reportDirectory, "conformance-report.html").getAbsolutePath();
        if (status == 1) {
            String message = "The conformance suite found failed checks; report: " + reports;
            if (testFailureIgnore) {
                getLog().warn(message);
                return;
            }
            stopStartedMock();
            throw new MojoFailureException(message);
        }
        if (status != 0) {
            stopStartedMock();
            throw new MojoExecutionException("The conformance suite could not run (exit status " + status
                    + "; the lines above say why)");
        }
    }

    /** The build ends here, so post-integration-test (and modelapi:stop) will not run: stop the mock now. */
    private void stopStartedMock() {
        StartedMock started = StartedMock.forget(PluginContext.of(this));
        if (started != null) {
            started.stop(project, session);
            getLog().info("Model API mock stopped (the build fails here)");
        }
    }

    List<String> arguments() {
        List<String> args = new ArrayList<>();
        StartedMock started = StartedMock.in(PluginContext.of(this));
        boolean noUrl = blank(decthingsUrl) && blank(piecesUrl);
        if (noUrl && started != null) {
            args.add("--decthings-url");
            args.add(started.mock().decthingsBaseUrl());
            args.add("--pieces-url");
            args.add(started.mock().piecesBaseUrl());
            String key = started.mock().settings().apiKey();
            if (blank(apiKey) && key != null) {
                args.add("--api-key");
                args.add(key);
            }
        }
        option(args, "--decthings-url", decthingsUrl);
        option(args, "--pieces-url", piecesUrl);
        option(args, "--api-key", apiKey);
        option(args, "--pieces-app-id", piecesAppId);
        option(args, "--transport", transport);
        if (readOnly) {
            args.add("--read-only");
        }
        option(args, "--only", only == null || only.isEmpty() ? null : String.join(",", only));
        option(args, "--skip", skipChecks == null || skipChecks.isEmpty() ? null : String.join(",", skipChecks));
        option(args, "--report-dir", reportDirectory.getPath());
        option(args, "--seed", seed == null ? null : seed.toString());
        option(args, "--timeout", Integer.toString(timeoutSeconds));
        return args;
    }

    /** The arguments as logged: secrets replaced. */
    static List<String> redacted(List<String> args) {
        List<String> shown = new ArrayList<>(args);
        for (int i = 0; i < shown.size() - 1; i++) {
            if (shown.get(i).equals("--api-key") || shown.get(i).equals("--pieces-app-id")) {
                shown.set(i + 1, "***");
            }
        }
        return shown;
    }

    private static void option(List<String> args, String name, String value) {
        if (!blank(value)) {
            args.add(name);
            args.add(value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
