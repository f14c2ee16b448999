package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * WireMock's in-memory request journal with the size cap enforced here, in O(1) per request.
 *
 * <p>With {@code maxRequestJournalEntries(n)} WireMock's journal counts the whole journal
 * ({@code store.getAllKeys().count()}, a walk over a ConcurrentLinkedDeque with a map lookup per entry) on every
 * request, so the cost of a request grew linearly with the journal, up to 100 000 entries. This store keeps its own
 * size counter and drops the oldest entries on {@link #add}; the WireMock configuration then sets no cap.
 * Otherwise it behaves like WireMock's {@code InMemoryRequestJournalStore} (newest first).
 */
final class BoundedRequestJournalStore implements RequestJournalStore {

    private final int maxEntries;
    private final Deque<UUID> deque = new ConcurrentLinkedDeque<>();
    private final Map<UUID, ServeEvent> serveEvents = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    BoundedRequestJournalStore(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public void add(ServeEvent event) {
        if (serveEvents.put(event.getId(), event) == null) {
            deque.addFirst(event.getId());
            size.incrementAndGet();
        }
        while (size.get() > maxEntries) {
            removeLast();
        }
    }

    @Override
    public Stream<ServeEvent> getAll() {
        return deque.stream().map(serveEvents::get).filter(Objects::nonNull);
    }

    @Override
    public void removeLast() {
        UUID id = deque.pollLast();
        if (id != null) {
            serveEvents.remove(id);
            size.decrementAndGet();
        }
    }

    @Override
    public Stream<UUID> getAllKeys() {
        return getAll().map(ServeEvent::getId);
    }

    @Override
    public Optional<ServeEvent> get(UUID id) {
        return Optional.ofNullable(serveEvents.get(id));
    }

    @Override
    public void put(UUID id, ServeEvent event) {
        // WireMock calls this when the response completed; only events still in the journal are updated.
        serveEvents.computeIfPresent(id, (k, old) -> event);
    }

    @Override
    public void remove(UUID id) {
        if (serveEvents.remove(id) != null) {
            deque.remove(id);
            size.decrementAndGet();
        }
    }

    @Override
    public synchronized void clear() {
        deque.clear();
        serveEvents.clear();
        size.set(0);
    }
}
