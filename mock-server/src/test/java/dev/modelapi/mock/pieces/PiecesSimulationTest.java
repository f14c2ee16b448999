package dev.modelapi.mock.pieces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.junit.PiecesUrl;
import dev.modelapi.mock.pieces.download.ProgressStatus;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Pieces OS Model and Models APIs of the simulation. */
@ModelApiMockTest
class PiecesSimulationTest {

    static final String LLAMA3 = "3c1a8f5e-6b2d-4e7a-9f10-2d4b8c6e1a57";
    static final String PHI3 = "9f4e2b18-7a6c-4d3f-95e0-1b8c4a7d2e66";
    static final String GPT4O = "0e6f1c2a-9d84-4b3e-b1a7-6c2d8e4f5a90";
    static final String ACME = "d41c7a3b-8e95-4f02-b6a8-2f7e9c1d5b38";

    private static JsonNode json(Http.Answer a) {
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        try {
            return Decthings.JSON.readTree(a.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void catalogueHasRealisticModelsIncludingTheSpecExamples(@PiecesUrl String base) {
        JsonNode models = json(Http.get(base + "/models")).path("iterable");
        assertThat(models.size()).isGreaterThanOrEqualTo(10);
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.path("name").asText()));
        assertThat(names).contains("Llama-3 8B", "Phi-3 Mini 4K", "GPT-4o", "Claude 3.5 Sonnet",
                "Mistral 7B Instruct", "Gemini 1.5 Pro");
        JsonNode llama = json(Http.get(base + "/model/" + LLAMA3));
        assertThat(llama.path("downloaded").asBoolean()).isTrue();
        assertThat(llama.path("loaded").asBoolean()).isFalse();
        assertThat(llama.path("foundation").asText()).isEqualTo("LLAMA_3_8B");
        assertThat(json(Http.get(base + "/model/" + GPT4O)).path("cloud").asBoolean()).isTrue();
    }

    @Test
    void unknownModelIs410OnGetAnd500OnPost(@PiecesUrl String base) {
        Http.Answer get = Http.get(base + "/model/no-such-model");
        assertThat(get.status()).isEqualTo(410);
        assertThat(get.contentType()).startsWith("text/plain");
        assertThat(get.text()).isEqualTo("model was not found.");
        for (String op : List.of("download", "download/cancel", "load", "unload")) {
            Http.Answer post = Http.post(base + "/model/no-such-model/" + op, null, new byte[0]);
            assertThat(post.status()).isEqualTo(500);
            assertThat(post.contentType()).startsWith("text/plain");
            assertThat(post.text()).isEqualTo("model was not found.");
        }
    }

    @Test
    void downloadThenCancelThenDownloadToCompletion(@PiecesUrl String base, ModelApiMock mock) throws Exception {
        JsonNode started = json(Http.post(base + "/model/" + PHI3 + "/download", null, new byte[0]));
        assertThat(started.path("downloading").asBoolean()).isTrue();
        assertThat(started.path("downloaded").asBoolean()).isFalse();
        JsonNode cancelled = json(Http.post(base + "/model/" + PHI3 + "/download/cancel", null, new byte[0]));
        assertThat(cancelled.path("downloading").asBoolean()).isFalse();
        JsonNode progress = json(Http.get(base + "/model/" + PHI3 + "/download/progress"));
        assertThat(progress.path("status").asText()).isEqualTo(ProgressStatus.CANCELED.wireName());

        json(Http.post(base + "/model/" + PHI3 + "/download", null, new byte[0]));
        mock.downloads().markDownloaded(PHI3); // finish now instead of waiting for the ticks
        JsonNode done = json(Http.get(base + "/model/" + PHI3));
        assertThat(done.path("downloaded").asBoolean()).isTrue();
        assertThat(done.path("downloading").asBoolean()).isFalse();
    }

    @Test
    void cloudModelsAreNeitherDownloadedNorLoaded(@PiecesUrl String base) {
        Http.Answer download = Http.post(base + "/model/" + GPT4O + "/download", null, new byte[0]);
        assertThat(download.status()).isEqualTo(500);
        assertThat(download.text()).contains("cloud model");
        assertThat(Http.post(base + "/model/" + GPT4O + "/load", null, new byte[0]).status()).isEqualTo(500);
    }

    @Test
    void loadNeedsADownloadedModelAndUnloadFreesIt(@PiecesUrl String base) {
        Http.Answer notDownloaded = Http.post(base + "/model/" + PHI3 + "/load", null, new byte[0]);
        assertThat(notDownloaded.status()).isEqualTo(500);
        assertThat(notDownloaded.text()).contains("not downloaded");
        assertThat(json(Http.post(base + "/model/" + LLAMA3 + "/load", null, new byte[0])).path("loaded")
                .asBoolean()).isTrue();
        assertThat(json(Http.get(base + "/model/" + LLAMA3)).path("loaded").asBoolean()).isTrue();
        assertThat(json(Http.post(base + "/model/" + LLAMA3 + "/unload", null, new byte[0])).path("loaded")
                .asBoolean()).isFalse();
        json(Http.post(base + "/model/" + LLAMA3 + "/load", null, new byte[0]));
        Http.Answer unloadAll = Http.post(base + "/models/unload", null, new byte[0]);
        assertThat(unloadAll.status()).isEqualTo(204);
        assertThat(json(Http.get(base + "/model/" + LLAMA3)).path("loaded").asBoolean()).isFalse();
    }

    @Test
    void updateOnlyForCustomModels(@PiecesUrl String base) throws Exception {
        JsonNode acme = json(Http.get(base + "/model/" + ACME));
        ((com.fasterxml.jackson.databind.node.ObjectNode) acme).put("description", "Moved to West Europe.");
        JsonNode updated = json(Http.postJson(base + "/model/update", acme.toString()));
        assertThat(updated.path("description").asText()).isEqualTo("Moved to West Europe.");
        assertThat(json(Http.get(base + "/model/" + ACME)).path("description").asText())
                .isEqualTo("Moved to West Europe.");

        JsonNode llama = json(Http.get(base + "/model/" + LLAMA3));
        Http.Answer refused = Http.postJson(base + "/model/update", llama.toString());
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.text()).contains("custom: true");
    }

    @Test
    void createDeduplicatesAndDeleteOnlyCustom(@PiecesUrl String base) {
        String seeded = "{\"version\":\"1.0.0\",\"created\":{\"value\":\"2024-11-18T10:02:44.000Z\"},"
                + "\"name\":\"My fine-tune\",\"cloud\":false,\"type\":\"SPEED\",\"usage\":\"CODE_CONVERSATION\","
                + "\"unique\":\"my-fine-tune-q4\"}";
        JsonNode created = json(Http.postJson(base + "/models/create", seeded));
        assertThat(created.path("custom").asBoolean()).isTrue();
        String id = created.path("id").asText();
        assertThat(json(Http.postJson(base + "/models/create", seeded)).path("id").asText()).isEqualTo(id);
        JsonNode cache = json(Http.postJson(base + "/models/" + id + "/delete/cache", "{}"));
        assertThat(cache.path("model").path("id").asText()).isEqualTo(id);
        assertThat(Http.post(base + "/models/" + id + "/delete", null, new byte[0]).status()).isEqualTo(204);
        assertThat(Http.get(base + "/model/" + id).status()).isEqualTo(410);
        Http.Answer notCustom = Http.post(base + "/models/" + LLAMA3 + "/delete", null, new byte[0]);
        assertThat(notCustom.status()).isEqualTo(500);
    }

    @Test
    void scoresIncrement(@PiecesUrl String base) {
        int before = json(Http.get(base + "/model/" + LLAMA3)).path("score").path("reference").asInt();
        Http.Answer a = Http.postJson(base + "/model/" + LLAMA3 + "/scores/increment", "{\"model\":{\"reference\":true}}");
        assertThat(a.status()).isEqualTo(204);
        assertThat(json(Http.get(base + "/model/" + LLAMA3)).path("score").path("reference").asInt())
                .isEqualTo(before + 1);
    }

    @Test
    void invalidRequestsGetTheDeclared500WithTheReason(@PiecesUrl String base) {
        Http.Answer a = Http.postJson(base + "/models/create", "{\"version\":\"1\",\"created\":{\"value\":"
                + "\"2024-11-18T10:02:44.000Z\"},\"name\":5,\"cloud\":false,\"type\":\"SPEED\",\"usage\":\"OCR\"}");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.contentType()).startsWith("text/plain");
        assertThat(a.text()).startsWith("Invalid request").contains("name");
        Http.Answer notJson = Http.postJson(base + "/model/update", "{");
        assertThat(notJson.status()).isEqualTo(500);
        assertThat(notJson.contentType()).startsWith("text/plain");
    }

    @Test
    void healthForPortDiscovery(@PiecesUrl String base) {
        Http.Answer get = Http.get(base + "/.well-known/health");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("ok");
        Http.Answer head = Http.head(base + "/.well-known/health");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void unknownPathIs404(@PiecesUrl String base) {
        assertThat(Http.get(base + "/no/such/thing").status()).isEqualTo(404);
        assertThat(Http.get(base + "/models/unload").status()).isEqualTo(404);
    }
}
