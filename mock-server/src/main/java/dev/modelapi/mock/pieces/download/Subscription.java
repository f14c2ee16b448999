package dev.modelapi.mock.pieces.download;

/** A subscription to the frames of one model; cancelling it twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    void cancel();

    @Override
    default void close() {
        cancel();
    }
}
