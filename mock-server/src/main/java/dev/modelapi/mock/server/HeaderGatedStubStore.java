package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.EqualToPattern;
import com.github.tomakehurst.wiremock.matching.MultiValuePattern;
import com.github.tomakehurst.wiremock.matching.RegexPattern;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.matching.SingleMatchMultiValuePattern;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * WireMock's stub store with one shortcut in matching: a stub whose request pattern requires a header to be
 * present ({@code matches} or {@code equalTo} on it) is not tried against a request that lacks that header, since
 * it cannot match. Everything else, including the order of the stubs, is the delegate's.
 *
 * <p>Why: the mock ships ~800 {@code Prefer: example=…} stubs ahead of the simulation's catch-all, and WireMock
 * matches a request against the stubs one by one; without the shortcut every ordinary request (no {@code Prefer})
 * was matched against all of them, 40 % of the mock's CPU under load (see BENCHMARKS.md).
 */
final class HeaderGatedStubStore implements StubMappingStore {

    private static final String NONE = "";

    private final StubMappingStore delegate;
    /** Bumped after every change of the delegate; a {@link Snapshot} of an older version is rebuilt. */
    private final AtomicLong version = new AtomicLong();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    /** A stub and the header it needs present ({@link #NONE} if none). */
    private record Gated(StubMapping stub, String header) {
    }

    /**
     * The stubs in the delegate's order (priority, then newest first), each with its required header; and the
     * ones that require none, for requests without any of the gating headers (all but {@code Prefer} requests).
     */
    private record Snapshot(long version, List<Gated> stubs, List<StubMapping> ungated, Set<String> gateHeaders) {
    }

    HeaderGatedStubStore(StubMappingStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Stream<StubMapping> findAllMatchingRequest(Request request,
                                                      Map<String, RequestMatcherExtension> customMatchers,
                                                      Consumer<SubEvent> subEventConsumer) {
        Snapshot s = current();
        Stream<StubMapping> candidates;
        if (s.gateHeaders().stream().noneMatch(request::containsHeader)) {
            candidates = s.ungated().stream();
        } else {
            Map<String, Boolean> present = new HashMap<>(4);
            candidates = s.stubs().stream()
                    .filter(g -> g.header().isEmpty() || present.computeIfAbsent(g.header(), request::containsHeader))
                    .map(Gated::stub);
        }
        // From here as WireMock's default implementation.
        return candidates
                .map(stub -> Map.entry(stub, stub.getRequest().match(request, customMatchers)))
                .peek(match -> match.getValue().getSubEvents().forEach(subEventConsumer))
                .filter(match -> match.getValue().isExactMatch())
                .map(Map.Entry::getKey);
    }

    private Snapshot current() {
        Snapshot s = snapshot.get();
        long v = version.get();
        if (s != null && s.version() == v) {
            return s;
        }
        List<Gated> stubs = delegate.getAll().map(stub -> new Gated(stub, requiredHeader(stub))).toList();
        List<StubMapping> ungated = new ArrayList<>();
        Set<String> gateHeaders = new HashSet<>();
        for (Gated g : stubs) {
            if (g.header().isEmpty()) {
                ungated.add(g.stub());
            } else {
                gateHeaders.add(g.header());
            }
        }
        // Built from version v: if the stubs changed meanwhile, the next request rebuilds it.
        Snapshot built = new Snapshot(v, stubs, ungated, gateHeaders);
        snapshot.set(built);
        return built;
    }

    private void changed() {
        version.incrementAndGet();
    }

    @Override
    public Stream<StubMapping> getAll() {
        return delegate.getAll();
    }

    @Override
    public Optional<StubMapping> get(UUID id) {
        return delegate.get(id);
    }

    @Override
    public void add(StubMapping stub) {
        delegate.add(stub);
        changed();
    }

    @Override
    public void replace(StubMapping existing, StubMapping updated) {
        delegate.replace(existing, updated);
        changed();
    }

    @Override
    @SuppressWarnings("removal")
    public void remove(StubMapping stub) {
        delegate.remove(stub);
        changed();
    }

    @Override
    public void remove(UUID stubMappingId) {
        delegate.remove(stubMappingId);
        changed();
    }

    @Override
    public void clear() {
        delegate.clear();
        changed();
    }

    /**
     * The first header the stub's pattern needs present: a single-value {@code matches}/{@code equalTo} pattern
     * fails on an absent header (WireMock matches it against {@code null}). Other patterns ({@code absent},
     * {@code doesNotMatch}, logical combinations, …) may match without the header and are not gated.
     */
    static String requiredHeader(StubMapping stub) {
        Map<String, MultiValuePattern> headers = stub.getRequest() == null ? null : stub.getRequest().getHeaders();
        if (headers == null) {
            return NONE;
        }
        for (Map.Entry<String, MultiValuePattern> e : headers.entrySet()) {
            if (e.getValue() instanceof SingleMatchMultiValuePattern single && failsWhenAbsent(single.getValuePattern())) {
                return e.getKey().toLowerCase(Locale.ROOT);
            }
        }
        return NONE;
    }

    private static boolean failsWhenAbsent(StringValuePattern pattern) {
        Class<?> type = pattern.getClass();
        return (type == RegexPattern.class || type == EqualToPattern.class) && pattern.getExpected() != null;
    }
}
