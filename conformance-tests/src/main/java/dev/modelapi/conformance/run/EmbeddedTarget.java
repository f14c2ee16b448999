package dev.modelapi.conformance.run;

import java.net.URI;

/** A target the suite started itself (the embedded mock). */
public interface EmbeddedTarget extends AutoCloseable {

    URI decthingsUrl();

    URI piecesUrl();

    /** The API key the embedded Decthings API requires. */
    String apiKey();

    @Override
    void close();

    /**
     * Whether {@code dev.modelapi:modelapi-mock} is on the classpath: the suite declares it optional, so that a build
     * testing a deployment by URL does not pull the mock and WireMock in.
     */
    static boolean mockOnClasspath() {
        try {
            Class.forName("dev.modelapi.mock.ModelApiMock", false, EmbeddedTarget.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
