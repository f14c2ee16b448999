package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.client.ApacheHttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.LazyHttpClient;

import java.util.List;

/**
 * WireMock's own (Apache) proxy HTTP clients, built on their first proxied request instead of at start: WireMock
 * builds two at start (TLS set-up and ~200 classes), which only recording and user proxy stubs use. Part of the
 * mock's cold start (BENCHMARKS.md).
 */
final class OnDemandProxyClients implements HttpClientFactory {

    private final HttpClientFactory delegate = new ApacheHttpClientFactory();

    @Override
    public HttpClient buildHttpClient(Options options, boolean trustAllCertificates, List<String> trustedHosts,
                                      boolean useSystemProperties) {
        return new LazyHttpClient(() -> delegate.buildHttpClient(options, trustAllCertificates, trustedHosts,
                useSystemProperties));
    }
}
