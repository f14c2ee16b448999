package dev.modelapi.conformance.run;

import java.util.function.Supplier;

/** A value computed once; a computation that threw throws the same exception again. */
public final class Memo<T> implements Supplier<T> {

    private final Supplier<T> supplier;
    private boolean done;
    private T value;
    private RuntimeException error;

    public Memo(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    public static <T> Memo<T> of(Supplier<T> supplier) {
        return new Memo<>(supplier);
    }

    @Override
    public synchronized T get() {
        if (!done) {
            try {
                value = supplier.get();
            } catch (RuntimeException e) {
                error = e;
            }
            done = true;
        }
        if (error != null) {
            throw error;
        }
        return value;
    }

    public synchronized boolean isDone() {
        return done;
    }
}
