package dev.modelapi.maven;

import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.validation.ServedViolation;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The mock that {@code modelapi:start} started in this project, kept in the plugin context for {@code stop} and
 * {@code conformance}, and the properties it exports.
 */
final class StartedMock {

    /** Port of the started mock. */
    static final String PORT = "modelapi.mock.port";
    /** Root URL of the started mock (also the Pieces base URL). */
    static final String URL = "modelapi.mock.url";
    /** Decthings base URL, with the version: {@code http://127.0.0.1:PORT/v0}. */
    static final String DECTHINGS_URL = "modelapi.decthings.url";
    /** Pieces OS base URL. */
    static final String PIECES_URL = "modelapi.pieces.url";

    private static final String CONTEXT_KEY = StartedMock.class.getName();

    private final ModelApiMock mock;

    private StartedMock(ModelApiMock mock) {
        this.mock = mock;
    }

    static void remember(Map<Object, Object> pluginContext, ModelApiMock mock) {
        pluginContext.put(CONTEXT_KEY, new StartedMock(mock));
    }

    /** The mock started in this project, or null. */
    static StartedMock in(Map<Object, Object> pluginContext) {
        return pluginContext == null ? null : (StartedMock) pluginContext.get(CONTEXT_KEY);
    }

    static StartedMock forget(Map<Object, Object> pluginContext) {
        return pluginContext == null ? null : (StartedMock) pluginContext.remove(CONTEXT_KEY);
    }

    ModelApiMock mock() {
        return mock;
    }

    /** The exported property names and values, in a stable order. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PORT, Integer.toString(mock.port()));
        properties.put(URL, mock.baseUrl());
        properties.put(DECTHINGS_URL, mock.decthingsBaseUrl());
        properties.put(PIECES_URL, mock.piecesBaseUrl());
        return properties;
    }

    private void export(Properties... targets) {
        for (Properties target : targets) {
            target.putAll(properties());
        }
    }

    /** Sets the properties where plugin configuration, failsafe's forked JVM and this JVM's code read them. */
    void export(MavenProject project, MavenSession session) {
        export(project.getProperties(), session.getUserProperties(), System.getProperties());
    }

    /**
     * Stops the mock and removes the exported properties again, so that a later module of the reactor does not see a
     * stopped mock's URLs.
     *
     * @return the answers it served that do not conform to the spec
     */
    List<ServedViolation> stop(MavenProject project, MavenSession session) {
        List<ServedViolation> served = mock.conformanceViolations();
        for (Properties target : List.of(project.getProperties(), session.getUserProperties(), System.getProperties())) {
            properties().keySet().forEach(target::remove);
        }
        mock.stop();
        return served;
    }
}
