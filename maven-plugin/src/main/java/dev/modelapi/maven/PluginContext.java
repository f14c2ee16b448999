package dev.modelapi.maven;

import org.apache.maven.plugin.AbstractMojo;

import java.util.Map;

/** The plugin context of a mojo with its type: Maven hands it out as a raw {@code Map}. */
final class PluginContext {

    private PluginContext() {
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> of(AbstractMojo mojo) {
        return (Map<Object, Object>) mojo.getPluginContext();
    }
}
