package dev.modelapi.conformance.http;

import dev.modelapi.conformance.spec.ApiOperation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every exchange of a run, in order; the response checks read it per operation. Thread-safe. */
public final class ExchangeLog {

    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<java.util.function.Consumer<Exchange>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called after each recorded exchange (e.g. to register what was created, for cleanup). */
    public void addListener(java.util.function.Consumer<Exchange> listener) {
        listeners.add(listener);
    }

    public void record(Exchange exchange) {
        synchronized (this) {
            exchanges.add(exchange);
        }
        listeners.forEach(l -> l.accept(exchange));
    }

    public synchronized List<Exchange> forOperation(ApiOperation operation) {
        return exchanges.stream().filter(e -> e.operation().key().equals(operation.key())).toList();
    }

    public synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }

    /** Keys ({@code api.operationId}) of the operations that received at least one request. */
    public synchronized Set<String> exercised() {
        Set<String> keys = new LinkedHashSet<>();
        exchanges.forEach(e -> keys.add(e.operation().key()));
        return keys;
    }

    /** Also counts operations exercised outside HTTP (the WebSocket). */
    private final Set<String> extra = new LinkedHashSet<>();

    public synchronized void markExercised(ApiOperation operation) {
        extra.add(operation.key());
    }

    public synchronized Set<String> exercisedAll() {
        Set<String> keys = exercised();
        keys.addAll(extra);
        return keys;
    }

    public synchronized int size() {
        return exchanges.size();
    }
}
