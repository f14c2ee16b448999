package dev.modelapi.conformance.run;

import dev.modelapi.mock.ModelApiMock;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The kit's mock server ({@code dev.modelapi:modelapi-mock}) started in-process on a free loopback port: the target
 * when no URL is given. It requires an API key on Decthings calls (the configured one, else a random one) so that the
 * {@code auth} check has something to check.
 */
public final class EmbeddedMock implements EmbeddedTarget {

    private final ModelApiMock mock;
    private final String apiKey;

    private EmbeddedMock(ModelApiMock mock, String apiKey) {
        this.mock = mock;
        this.apiKey = apiKey;
    }

    public static EmbeddedMock start(long seed, String apiKey) {
        String key = apiKey;
        if (key == null) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            key = "conformance-embedded-" + HexFormat.of().formatHex(random);
        }
        ModelApiMock mock = ModelApiMock.builder().port(0).bind("127.0.0.1").seed(seed).apiKey(key).build().start();
        return new EmbeddedMock(mock, key);
    }

    @Override
    public URI decthingsUrl() {
        return URI.create(mock.decthingsBaseUrl());
    }

    @Override
    public URI piecesUrl() {
        return URI.create(mock.piecesBaseUrl());
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    @Override
    public void close() {
        mock.close();
    }
}
