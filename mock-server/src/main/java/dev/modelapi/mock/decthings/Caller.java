package dev.modelapi.mock.decthings;

import java.util.function.Supplier;

/**
 * Who makes the current Decthings call. With {@code --api-key}, a call without a key to a method that allows
 * anonymous access (e.g. getModels) is anonymous and sees public models only; everyone else is the mock's user.
 * Carried in a thread-local because the generated server interface has no room for it.
 */
public enum Caller {
    USER,
    ANONYMOUS;

    private static final ThreadLocal<Caller> CURRENT = ThreadLocal.withInitial(() -> USER);

    public static Caller current() {
        return CURRENT.get();
    }

    public static <T> T as(Caller caller, Supplier<T> call) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return call.get();
        } finally {
            CURRENT.set(previous);
        }
    }
}
