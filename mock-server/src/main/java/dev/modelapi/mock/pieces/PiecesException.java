package dev.modelapi.mock.pieces;

/**
 * A Pieces error answer: every error the API declares is a {@code text/plain} body with a status (410 on
 * {@code GET /model/{model}}, 500 everywhere else).
 */
public final class PiecesException extends RuntimeException {

    /** The exact 410 text the spec declares for {@code GET /model/{model}}. */
    public static final String MODEL_NOT_FOUND = "model was not found.";

    private final int status;

    public PiecesException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static PiecesException internal(String message) {
        return new PiecesException(500, message);
    }

    public int status() {
        return status;
    }
}
