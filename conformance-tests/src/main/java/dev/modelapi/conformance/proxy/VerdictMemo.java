package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.spec.Api;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The verdicts on exchanges already judged, keyed by everything a judgement reads: {@link TrafficJudge#judge} is a
 * function of the request and of the answer's status, Content-Type and body alone. Traffic repeats itself (a client
 * polling a training status, the Pieces app re-reading a model, a test suite listing models), and a repeated
 * exchange then costs a hash and a comparison of its bodies instead of decoding the framing and validating both
 * documents. The mock keeps its request verdicts the same way.
 *
 * <p>Bounded: an exchange whose bodies are larger than {@value #MAX_EXCHANGE_BYTES} bytes together is judged but
 * not kept, and the memo is emptied when the bodies it holds reach {@value #BUDGET_BYTES} bytes. The bodies are
 * held, not copied: they are the arrays of the exchange that was judged.
 */
final class VerdictMemo {

    static final int MAX_EXCHANGE_BYTES = 64 * 1024;
    static final long BUDGET_BYTES = 16L * 1024 * 1024;

    /** A {@link ForwardedExchange} whose bodies compare by content ({@link ByteBuffer#equals}). */
    private record Key(Api api, String method, String path, Map<String, List<String>> query,
                       String requestContentType, ByteBuffer requestBody, int status, String responseContentType,
                       ByteBuffer responseBody) {

        static Key of(ForwardedExchange x) {
            return new Key(x.api(), x.method(), x.path(), x.query(), x.requestContentType(),
                    ByteBuffer.wrap(x.requestBody()), x.status(), x.responseContentType(),
                    ByteBuffer.wrap(x.responseBody()));
        }
    }

    private final Map<Key, TrafficJudge.Judgement> verdicts = new ConcurrentHashMap<>();
    private final AtomicLong heldBytes = new AtomicLong();

    /** The verdict on {@code x}: the one given to an identical exchange before, or {@code judge}'s. */
    TrafficJudge.Judgement judge(ForwardedExchange x, Function<ForwardedExchange, TrafficJudge.Judgement> judge) {
        long size = (long) x.requestBody().length + x.responseBody().length;
        if (size > MAX_EXCHANGE_BYTES) {
            return judge.apply(x);
        }
        Key key = Key.of(x);
        TrafficJudge.Judgement known = verdicts.get(key);
        if (known != null) {
            return known;
        }
        TrafficJudge.Judgement fresh = judge.apply(x);
        if (heldBytes.addAndGet(size) > BUDGET_BYTES) {
            // two threads may both empty it: the budget is a bound on memory, not an exact count
            verdicts.clear();
            heldBytes.set(size);
        }
        verdicts.put(key, fresh);
        return fresh;
    }

    /** How many verdicts are kept (for tests). */
    int size() {
        return verdicts.size();
    }
}
