package dev.modelapi.maven;

import dev.modelapi.mock.validation.ServedViolation;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.util.List;

/**
 * Stops the mock that {@code modelapi:start} started in this project and removes the properties it exported. When
 * the mock validated its answers and served one that does not conform to the spec (a user mapping, usually), the goal
 * lists them and fails the build — like the JUnit extension fails the test.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMockMojo extends AbstractMojo {

    /** Fail the build when the mock served a non-conformant answer (it needs {@code validateResponses} on start). */
    @Parameter(property = "modelapi.failOnServedViolation", defaultValue = "true")
    boolean failOnServedViolation;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public void execute() throws MojoFailureException {
        StartedMock started = StartedMock.forget(PluginContext.of(this));
        if (started == null) {
            getLog().info("No Model API mock was started in this project; nothing to stop");
            return;
        }
        List<ServedViolation> served = started.stop(project, session);
        getLog().info("Model API mock stopped");
        if (served.isEmpty()) {
            return;
        }
        served.forEach(violation -> getLog().error("The mock served an answer that does not conform to the spec: "
                + violation));
        if (failOnServedViolation) {
            throw new MojoFailureException("The Model API mock served " + served.size()
                    + " answer(s) that do not conform to the spec (listed above); fix the mappings, or set "
                    + "failOnServedViolation to false");
        }
    }
}
