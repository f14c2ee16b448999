package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.store.BlobStore;
import com.github.tomakehurst.wiremock.store.ObjectStore;
import com.github.tomakehurst.wiremock.store.RecorderStateStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.store.SettingsStore;
import com.github.tomakehurst.wiremock.store.Stores;
import com.github.tomakehurst.wiremock.store.StubMappingStore;

/**
 * WireMock's stores, with the request journal replaced by a {@link BoundedRequestJournalStore} and the stub store
 * wrapped in a {@link HeaderGatedStubStore}.
 */
final class MockStores implements Stores {

    private final Stores delegate;
    private final RequestJournalStore journal;
    private final StubMappingStore stubs;

    MockStores(Stores delegate, int maxJournalEntries) {
        this.delegate = delegate;
        this.journal = new BoundedRequestJournalStore(maxJournalEntries);
        this.stubs = new HeaderGatedStubStore(delegate.getStubStore());
    }

    @Override
    public StubMappingStore getStubStore() {
        return stubs;
    }

    @Override
    public RequestJournalStore getRequestJournalStore() {
        return journal;
    }

    @Override
    public SettingsStore getSettingsStore() {
        return delegate.getSettingsStore();
    }

    @Override
    public ScenariosStore getScenariosStore() {
        return delegate.getScenariosStore();
    }

    @Override
    public RecorderStateStore getRecorderStateStore() {
        return delegate.getRecorderStateStore();
    }

    @Override
    public BlobStore getBlobStore(String name) {
        return delegate.getBlobStore(name);
    }

    @Override
    public ObjectStore getObjectStore(String name, PersistenceType persistenceTypeHint, int maxSize) {
        return delegate.getObjectStore(name, persistenceTypeHint, maxSize);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }
}
