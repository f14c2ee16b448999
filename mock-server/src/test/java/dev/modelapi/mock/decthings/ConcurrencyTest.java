package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.support.Decthings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: nothing is lost, and a contested name has exactly one winner. */
@ModelApiMockTest
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 15;

    private static String create(String name) {
        return "{\"name\":\"" + name + "\",\"description\":\"d\",\"options\":{\"type\":\"code\",\"language\":\"go\"}}";
    }

    @Test
    void concurrentCreatesLoseNothingAndEachNameHasOneWinner(@DecthingsUrl String base) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<JsonNode>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<JsonNode>> work = () -> {
                Decthings d = thread % 2 == 0 ? Decthings.framed(base) : Decthings.json(base);
                go.await();
                List<JsonNode> answers = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    answers.add(d.call("createModel", create("unique-" + thread + "-" + i)));
                    answers.add(d.call("createModel", create("contested-" + i)));
                }
                return answers;
            };
            futures.add(pool.submit(work));
        }
        go.countDown();
        List<JsonNode> all = new ArrayList<>();
        for (Future<List<JsonNode>> f : futures) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Set<String> ids = new HashSet<>();
        int wins = 0;
        int nameTaken = 0;
        for (JsonNode a : all) {
            if (a.has("result")) {
                assertThat(ids.add(a.path("result").path("modelId").asText())).isTrue();
                wins++;
            } else {
                assertThat(a.path("error").path("code").asText()).isEqualTo("name_already_used");
                nameTaken++;
            }
        }
        assertThat(wins).isEqualTo(THREADS * PER_THREAD + PER_THREAD);
        assertThat(nameTaken).isEqualTo(THREADS * PER_THREAD - PER_THREAD);
        JsonNode listed = Decthings.json(base).result("getModels", "{\"limit\":1000}");
        assertThat(listed.path("total").asInt()).isEqualTo(2 + wins);
        Set<String> listedIds = new HashSet<>();
        listed.path("models").forEach(m -> listedIds.add(m.path("id").asText()));
        assertThat(listedIds).containsAll(ids);
        for (int i = 0; i < PER_THREAD; i++) {
            assertThat(Decthings.json(base).result("getModels", "{\"filter\":{\"names\":[\"contested-" + i + "\"]}}")
                    .path("total").asInt()).isEqualTo(1);
        }
    }
}
