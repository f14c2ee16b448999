package dev.modelapi.mock.pieces.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.mock.pieces.download.DownloadManager.StartResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DownloadManagerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TICK = Duration.ofMillis(100);

    final ManualDownloadScheduler clock = new ManualDownloadScheduler();

    DownloadManager manager(long seed) {
        return DownloadManager.builder().seed(seed).tick(TICK).scheduler(clock).build();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    static List<String> statuses(List<String> messages) {
        List<String> out = new ArrayList<>();
        for (String m : messages) {
            out.add(parse(m).get("status").asText());
        }
        return out;
    }

    /** Asserts the lifecycle of one download: INITIALIZED, non-decreasing IN-PROGRESS, exactly one terminal last. */
    static void assertWellFormedDownload(List<String> messages, String terminal) {
        assertThat(messages).hasSizeGreaterThanOrEqualTo(2);
        List<String> statuses = statuses(messages);
        assertThat(statuses.get(0)).isEqualTo("INITIALIZED");
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo(terminal);
        assertThat(statuses.subList(1, statuses.size() - 1)).allSatisfy(s -> assertThat(s).isEqualTo("IN-PROGRESS"));
        double previous = -1;
        for (String m : messages) {
            ProgressSchema.assertValid(m);
            JsonNode node = parse(m);
            assertThat(node.path("schema").path("migration").asInt()).isZero();
            assertThat(node.path("schema").path("semantic").asText()).isEqualTo("MAJOR_0_MINOR_0_PATCH_1");
            if (node.get("status").asText().equals("IN-PROGRESS")) {
                double p = node.get("percentage").asDouble();
                assertThat(p).isBetween(0.0, 100.0).isGreaterThanOrEqualTo(previous);
                previous = p;
            } else {
                assertThat(node.has("percentage")).isFalse();
            }
        }
    }

    @Test
    void aDownloadSendsInitializedThenRisingPercentagesThenCompleted() {
        DownloadManager downloads = manager(7);
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        downloads.subscribe("m1", messages::add);

        assertThat(downloads.start("m1")).isEqualTo(StartResult.STARTED);
        assertThat(statuses(messages)).containsExactly("INITIALIZED");
        assertThat(downloads.status("m1")).isEqualTo(
                new DownloadStatus(true, false, ProgressFrame.of(ProgressStatus.INITIALIZED)));

        clock.runUntilIdle();

        assertWellFormedDownload(messages, "COMPLETED");
        assertThat(parse(messages.get(messages.size() - 2)).get("percentage").asDouble()).isEqualTo(100.0);
        assertThat(statuses(messages)).containsOnlyOnce("COMPLETED");
        assertThat(downloads.status("m1").downloading()).isFalse();
        assertThat(downloads.status("m1").downloaded()).isTrue();
        assertThat(downloads.start("m1")).isEqualTo(StartResult.ALREADY_DOWNLOADED);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void eachTickSendsExactlyOneFrameAndNothingMovesWithoutTheClock() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        downloads.start("m1");

        clock.advance(TICK.minusMillis(1));
        assertThat(messages).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(messages).hasSize(2);
        assertThat(statuses(messages)).containsExactly("INITIALIZED", "IN-PROGRESS");
        clock.advance(TICK);
        assertThat(messages).hasSize(3);
        assertThat(clock.now()).isEqualTo(TICK.multipliedBy(2));
    }

    @Test
    void theFrameThatReportsCompletionComesAfterTheStateChange() {
        DownloadManager downloads = manager(3);
        List<DownloadStatus> seenOnCompleted = new ArrayList<>();
        downloads.subscribe("m1", json -> {
            if (json.contains("\"COMPLETED\"")) {
                seenOnCompleted.add(downloads.status("m1"));
            }
        });
        downloads.start("m1");
        clock.runUntilIdle();
        assertThat(seenOnCompleted).singleElement().satisfies(s -> {
            assertThat(s.downloaded()).isTrue();
            assertThat(s.downloading()).isFalse();
        });
    }

    @Test
    void theSameSeedGivesTheSameFramesAndAnotherSeedOthers() {
        List<String> a = runAlone(11, "m1");
        List<String> b = runAlone(11, "m1");
        List<String> c = runAlone(12, "m1");
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertWellFormedDownload(c, "COMPLETED");
    }

    private static List<String> runAlone(long seed, String modelId) {
        ManualDownloadScheduler own = new ManualDownloadScheduler();
        DownloadManager downloads = DownloadManager.builder().seed(seed).tick(TICK).scheduler(own).build();
        List<String> messages = new ArrayList<>();
        downloads.subscribe(modelId, messages::add);
        downloads.start(modelId);
        own.runUntilIdle();
        return messages;
    }

    @Test
    void cancelSendsCanceledAndTheModelIsNotDownloaded() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        downloads.start("m1");
        clock.advance(TICK.multipliedBy(2));

        assertThat(downloads.cancel("m1")).isTrue();

        assertWellFormedDownload(messages, "CANCELED");
        assertThat(messages).hasSize(4);
        assertThat(downloads.status("m1")).isEqualTo(
                new DownloadStatus(false, false, ProgressFrame.of(ProgressStatus.CANCELED)));
        assertThat(clock.pending()).isZero();
        clock.advance(TICK.multipliedBy(100));
        assertThat(messages).hasSize(4);
        assertThat(downloads.cancel("m1")).isFalse();
        assertThat(messages).hasSize(4);

        // A new download after a cancel starts over, on the same subscription.
        assertThat(downloads.start("m1")).isEqualTo(StartResult.STARTED);
        clock.runUntilIdle();
        List<String> second = messages.subList(4, messages.size());
        assertWellFormedDownload(second, "COMPLETED");
    }

    @Test
    void cancelWithoutADownloadDoesNothing() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        assertThat(downloads.cancel("m1")).isFalse();
        assertThat(messages).isEmpty();
    }

    @Test
    void failSendsFailed() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        downloads.start("m1");
        clock.advance(TICK);
        assertThat(downloads.fail("m1")).isTrue();
        assertWellFormedDownload(messages, "FAILED");
        assertThat(downloads.status("m1").downloaded()).isFalse();
    }

    @Test
    void startingTwiceIsOneDownload() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        assertThat(downloads.start("m1")).isEqualTo(StartResult.STARTED);
        clock.advance(TICK);
        assertThat(downloads.start("m1")).isEqualTo(StartResult.ALREADY_DOWNLOADING);
        clock.runUntilIdle();
        assertWellFormedDownload(messages, "COMPLETED");
        assertThat(statuses(messages)).containsOnlyOnce("INITIALIZED");
    }

    @Test
    void aLateSubscriberFirstGetsTheCurrentStateThenTheRest() {
        DownloadManager downloads = manager(7);
        List<String> early = new ArrayList<>();
        downloads.subscribe("m1", early::add);
        downloads.start("m1");
        clock.advance(TICK.multipliedBy(3));

        List<String> late = new ArrayList<>();
        downloads.subscribe("m1", late::add);
        assertThat(late).containsExactly(early.get(early.size() - 1));
        assertThat(statuses(late)).containsExactly("IN-PROGRESS");

        clock.runUntilIdle();
        assertThat(late).isEqualTo(early.subList(3, early.size()));
        assertThat(statuses(late)).endsWith("COMPLETED");
    }

    @Test
    void aSubscriberRightAfterStartGetsInitialized() {
        DownloadManager downloads = manager(7);
        downloads.start("m1");
        List<String> late = new ArrayList<>();
        downloads.subscribe("m1", late::add);
        assertThat(statuses(late)).containsExactly("INITIALIZED");
    }

    @Test
    void aSubscriberWhileNoDownloadRunsGetsNothingUntilTheNextDownload() {
        DownloadManager downloads = manager(7);
        downloads.start("m1");
        clock.runUntilIdle();
        downloads.markDownloaded("seeded");

        List<String> afterCompletion = new ArrayList<>();
        List<String> seeded = new ArrayList<>();
        List<String> never = new ArrayList<>();
        downloads.subscribe("m1", afterCompletion::add);
        downloads.subscribe("seeded", seeded::add);
        downloads.subscribe("never", never::add);
        assertThat(afterCompletion).isEmpty();
        assertThat(seeded).isEmpty();
        assertThat(never).isEmpty();

        downloads.start("never");
        clock.runUntilIdle();
        assertWellFormedDownload(never, "COMPLETED");
        assertThat(afterCompletion).isEmpty();
    }

    @Test
    void twoConcurrentDownloadsAreIndependent() {
        List<String> aloneA = runAlone(5, "model-a");
        List<String> aloneB = runAlone(5, "model-b");

        DownloadManager downloads = manager(5);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        downloads.subscribe("model-a", a::add);
        downloads.subscribe("model-b", b::add);
        downloads.start("model-a");
        clock.advance(TICK.multipliedBy(2).plusMillis(30));
        downloads.start("model-b");
        assertThat(downloads.status("model-a").downloading()).isTrue();
        assertThat(downloads.status("model-b").downloading()).isTrue();
        clock.runUntilIdle();

        assertWellFormedDownload(a, "COMPLETED");
        assertWellFormedDownload(b, "COMPLETED");
        assertThat(a).isEqualTo(aloneA);
        assertThat(b).isEqualTo(aloneB);
        assertThat(downloads.status("model-a").downloaded()).isTrue();
        assertThat(downloads.status("model-b").downloaded()).isTrue();
    }

    @Test
    void unsubscribedSinksAndThrowingSinksGetNothingMore() {
        DownloadManager downloads = manager(7);
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        downloads.subscribe("m1", kept::add);
        Subscription s = downloads.subscribe("m1", dropped::add);
        downloads.subscribe("m1", json -> {
            throw new IllegalStateException("socket gone");
        });
        assertThat(downloads.subscriberCount("m1")).isEqualTo(3);
        downloads.start("m1");
        assertThat(downloads.subscriberCount("m1")).isEqualTo(2);
        s.cancel();
        s.cancel();
        clock.runUntilIdle();
        assertThat(dropped).hasSize(1);
        assertWellFormedDownload(kept, "COMPLETED");
        assertThat(downloads.subscriberCount("m1")).isEqualTo(1);
    }

    @Test
    void markDownloadedSeedsTheCatalogueWithoutFrames() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("seeded", messages::add);
        downloads.markDownloaded("seeded");
        assertThat(messages).isEmpty();
        assertThat(downloads.status("seeded")).isEqualTo(new DownloadStatus(false, true, null));
        assertThat(downloads.start("seeded")).isEqualTo(StartResult.ALREADY_DOWNLOADED);
        assertThat(messages).isEmpty();
    }

    @Test
    void markDownloadedDuringADownloadCompletesIt() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        downloads.start("m1");
        clock.advance(TICK);
        downloads.markDownloaded("m1");
        assertWellFormedDownload(messages, "COMPLETED");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void snapshotIsTheLastFrameOrCompletedOrUnknown() {
        DownloadManager downloads = manager(7);
        assertThat(downloads.snapshot("never")).isEqualTo(ProgressFrame.of(ProgressStatus.UNKNOWN));
        downloads.markDownloaded("seeded");
        assertThat(downloads.snapshot("seeded")).isEqualTo(ProgressFrame.of(ProgressStatus.COMPLETED));
        downloads.start("m1");
        clock.advance(TICK);
        assertThat(downloads.snapshot("m1").status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        downloads.cancel("m1");
        assertThat(downloads.snapshotJson("m1")).isEqualTo(ProgressFrame.of(ProgressStatus.CANCELED).toJson());
        for (String id : List.of("never", "seeded", "m1")) {
            ProgressSchema.assertValid(downloads.snapshotJson(id));
        }
    }

    @Test
    void resetCancelsRunningDownloadsForgetsStateAndKeepsSubscribers() {
        DownloadManager downloads = manager(7);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        downloads.markDownloaded("seeded");
        downloads.start("m1");
        clock.advance(TICK);
        List<String> before = new ArrayList<>(messages);

        downloads.reset();

        assertWellFormedDownload(messages, "CANCELED");
        assertThat(downloads.status("m1")).isEqualTo(new DownloadStatus(false, false, null));
        assertThat(downloads.status("seeded").downloaded()).isFalse();
        assertThat(clock.pending()).isZero();

        // After a reset the same model repeats exactly the frames of its first download.
        messages.clear();
        downloads.start("m1");
        clock.advance(TICK);
        assertThat(messages).isEqualTo(before);
    }

    @Test
    void resetWithANewSeedGivesTheFramesOfThatSeed() {
        DownloadManager downloads = manager(11);
        downloads.reset(12);
        assertThat(downloads.seed()).isEqualTo(12);
        List<String> messages = new ArrayList<>();
        downloads.subscribe("m1", messages::add);
        downloads.start("m1");
        clock.runUntilIdle();
        assertThat(messages).isEqualTo(runAlone(12, "m1"));
    }

    @Test
    void removeForgetsAModel() {
        DownloadManager downloads = manager(7);
        downloads.start("m1");
        clock.runUntilIdle();
        downloads.remove("m1");
        assertThat(downloads.status("m1")).isEqualTo(new DownloadStatus(false, false, null));
    }

    @Test
    void listenersSeeEveryFrameWithItsModel() {
        DownloadManager downloads = manager(7);
        List<String> seen = new ArrayList<>();
        downloads.addListener((id, frame) -> seen.add(id + ":" + frame.status().wireName()));
        downloads.start("m1");
        downloads.cancel("m1");
        assertThat(seen).containsExactly("m1:INITIALIZED", "m1:CANCELED");
    }

    @Test
    void theValidatorRejectsWrongMessages() {
        assertThat(ProgressSchema.validate("{\"status\":\"IN_PROGRESS\"}").hasErrors()).isTrue();
        assertThat(ProgressSchema.validate("{\"status\":\"IN-PROGRESS\",\"percentage\":\"42\"}").hasErrors()).isTrue();
        assertThat(ProgressSchema.validate("{\"schema\":{\"semantic\":\"MAJOR_0_MINOR_0_PATCH_1\"}}").hasErrors())
                .isTrue();
        assertThat(ProgressSchema.validate("{\"status\":\"IN-PROGRESS\",\"percentage\":null}").hasErrors()).isFalse();
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> DownloadManager.builder().steps(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DownloadManager.builder().steps(10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DownloadManager.builder().tick(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgressFrame.inProgress(100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealTimeSchedulerRunsADownloadToTheEnd() throws Exception {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try (DownloadManager downloads = DownloadManager.builder().seed(7).tick(Duration.ofMillis(1)).build()) {
            downloads.subscribe("m1", json -> {
                messages.add(json);
                if (json.contains("COMPLETED")) {
                    done.countDown();
                }
            });
            downloads.start("m1");
            assertThat(done.await(30, TimeUnit.SECONDS)).as("download completed").isTrue();
            assertThat(downloads.status("m1").downloaded()).isTrue();
        }
        // Same seed and model: the same frames as on the manual clock.
        assertThat(messages).isEqualTo(runAlone(7, "m1"));
    }

    @Test
    void manyThreadsStartingCancellingAndSubscribingKeepEveryStreamWellFormed() throws Exception {
        DownloadManager downloads = manager(9);
        int threads = 8;
        int models = 16;
        List<List<String>> streams = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            List<String> stream = Collections.synchronizedList(new ArrayList<>());
            streams.add(stream);
            downloads.subscribe("model-" + m, stream::add);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                barrier.await();
                for (int round = 0; round < 200; round++) {
                    String id = "model-" + ((thread + round) % models);
                    switch (round % 4) {
                        case 0, 1 -> downloads.start(id);
                        case 2 -> clock.advance(TICK);
                        default -> {
                            if (thread % 2 == 0) {
                                downloads.cancel(id);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        clock.runUntilIdle();

        for (List<String> stream : streams) {
            // The stream of one model is a sequence of whole downloads, each well formed.
            List<String> current = new ArrayList<>();
            for (String m : stream) {
                current.add(m);
                String status = parse(m).get("status").asText();
                if (status.equals("COMPLETED") || status.equals("CANCELED")) {
                    assertWellFormedDownload(current, status);
                    current.clear();
                }
            }
            assertThat(current).isEmpty();
        }
    }
}
