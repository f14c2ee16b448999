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
}
