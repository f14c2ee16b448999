package dev.modelapi.maven;

import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.Mode;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.util.Locale;

/**
 * Starts the Model API mock (both APIs on one loopback port) and exports where it listens:
 * {@code modelapi.mock.port}, {@code modelapi.mock.url}, {@code modelapi.decthings.url} (with {@code /v0}) and
 * {@code modelapi.pieces.url} — as project properties (for {@code ${…}} in later plugin configuration), as session
 * user properties (surefire and failsafe pass those to the forked test JVM without configuration) and as system
 * properties. {@code modelapi:stop} stops it.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMockMojo extends AbstractMojo {

    /** TCP port; 0 (the default) picks a free one, which the exported properties then name. */
    @Parameter(property = "modelapi.port", defaultValue = "0")
    int port;

    /** Address to listen on. */
    @Parameter(property = "modelapi.bind", defaultValue = "127.0.0.1")
    String bindAddress;

    /** {@code simulate} (stateful, the default) or {@code recorded} (the spec's named examples). */
    @Parameter(property = "modelapi.mode", defaultValue = "simulate")
    String mode;

    /** Seed of every generated id, timestamp and value. */
    @Parameter(property = "modelapi.seed", defaultValue = "42")
    long seed;

    /** When set, Decthings calls need {@code Authorization: Bearer <apiKey>}. */
    @Parameter(property = "modelapi.apiKey")
    String apiKey;

    /** A folder of extra WireMock mappings (JSON stub files), served before the simulation. */
    @Parameter(property = "modelapi.mappings")
    File mappings;

    /** API requests per second before {@code too_many_requests}; 0 = unlimited. */
    @Parameter(property = "modelapi.rateLimit", defaultValue = "0")
    int rateLimitPerSecond;

    /** Validate every served answer against the spec; {@code modelapi:stop} reports what did not conform. */
    @Parameter(property = "modelapi.validateResponses", defaultValue = "true")
    boolean validateResponses;

    /** Log every request (WireMock's verbose notifier). */
    @Parameter(property = "modelapi.verbose", defaultValue = "false")
    boolean verbose;

    /** Skips the goal (and so {@code stop} has nothing to stop), e.g. with {@code -DskipITs}-style switches. */
    @Parameter(property = "modelapi.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping the Model API mock (modelapi.skip)");
            return;
        }
        StartedMock running = StartedMock.in(PluginContext.of(this));
        if (running != null) {
            getLog().info("The Model API mock already runs for this project: " + running.mock().baseUrl());
            return;
        }
        ModelApiMock mock;
        try {
            ModelApiMock.Builder builder = ModelApiMock.builder()
                    .port(port)
                    .bind(bindAddress)
                    .mode(mode())
                    .seed(seed)
                    .rateLimitPerSecond(rateLimitPerSecond)
                    .validateResponses(validateResponses)
                    .verbose(verbose);
            if (apiKey != null && !apiKey.isBlank()) {
                builder.apiKey(apiKey);
            }
            if (mappings != null) {
                if (!mappings.isDirectory()) {
                    throw new MojoExecutionException("mappings is not a folder: " + mappings);
                }
                builder.mappingsDir(mappings.toPath());
            }
            mock = builder.build().start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException("Cannot start the Model API mock: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // WireMock's FatalStartupException (port in use, …) and the like: say what failed, not a stack trace.
            throw new MojoExecutionException("Cannot start the Model API mock on " + bindAddress + ":" + port + ": "
                    + e.getMessage(), e);
        }
        StartedMock started = remember(mock);
        getLog().info("Model API mock (" + mock.mode().name().toLowerCase(Locale.ROOT) + ", seed " + seed + ") at "
                + mock.baseUrl());
        started.properties().forEach((key, value) -> getLog().info("  " + key + " = " + value));
    }

    private StartedMock remember(ModelApiMock mock) {
        StartedMock.remember(PluginContext.of(this), mock);
        StartedMock started = StartedMock.in(PluginContext.of(this));
        started.export(project, session);
        return started;
    }

    private Mode mode() throws MojoExecutionException {
        try {
            return Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mode must be simulate or recorded, got '" + mode + "'");
        }
    }
}
