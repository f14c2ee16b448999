package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request journal's cap (newest kept) and switching it off, on a real mock. */
class RequestJournalSettingsTest {

    @Test
    void keepsTheNewestEntriesUpToTheCap() {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).maxRequestJournalEntries(3).build().start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get(mock.piecesBaseUrl() + "/.well-known/health?n=" + i).status()).isEqualTo(200);
            }
            assertThat(mock.wireMock().getAllServeEvents())
                    .extracting(e -> e.getRequest().getUrl())
                    .containsExactly("/.well-known/health?n=4", "/.well-known/health?n=3", "/.well-known/health?n=2");
        }
    }

    @Test
    void disabledJournalServesButKeepsNothing() {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).disableRequestJournal().build().start()) {
            assertThat(Http.get(mock.piecesBaseUrl() + "/.well-known/health").status()).isEqualTo(200);
            assertThat(Http.postJson(mock.decthingsBaseUrl() + "/Model/getModels", "{}").text()).contains("\"total\"");
            assertThatThrownBy(() -> mock.wireMock().getAllServeEvents())
                    .isInstanceOf(RequestJournalDisabledException.class);
        }
    }
}
