package dev.modelapi.decthings.client;

import dev.modelapi.decthings.client.model.GetModelsError;

/**
 * A page of {@link DecthingsClient#allModels} came back with an API error (the envelope's {@code error}) or could
 * not be fetched; the models already handed out stay valid.
 */
public final class ModelPagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient GetModelsError error;
    private final int offset;

    ModelPagingException(int offset, GetModelsError error) {
        super("getModels at offset " + offset + " answered " + error.getCode());
        this.error = error;
        this.offset = offset;
    }

    ModelPagingException(int offset, Throwable cause) {
        super("getModels at offset " + offset + " failed: " + cause.getMessage(), cause);
        this.error = null;
        this.offset = offset;
    }

    /** The API error of the page, or {@code null} when the call itself failed (see {@link #getCause()}). */
    public GetModelsError error() {
        return error;
    }

    /** The offset of the page that failed. */
    public int offset() {
        return offset;
    }
}
