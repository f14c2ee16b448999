package dev.modelapi.conformance.run;

import dev.modelapi.conformance.flows.FlowSpec;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.OperationTraits;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends every API's probe and flow traffic once, before the cells judge it, so that the checks judging an
 * operation's answers see every exchange the run has with it, whatever order the cells run in. Probes and flows
 * work on resources of their own, so they run in parallel ({@link #PARALLELISM} at a time, both APIs at once);
 * what acts on every model ({@link OperationTraits#global} operations, global flows) runs afterwards, one at a
 * time, when nothing else is in flight. The data each step sends depends only on the seed, not on the order.
 */
final class TrafficPlan implements AutoCloseable {

    /** Steps in flight at once: they mostly wait for the target (downloads, WebSockets, round trips). */
    static final int PARALLELISM = 8;

    private final ConformanceRun run;
    private final ExecutorService executor;
    private final Map<Api, CompletableFuture<Void>> done = new EnumMap<>(Api.class);

    TrafficPlan(ConformanceRun run) {
        this.run = run;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(PARALLELISM, r -> {
            Thread t = new Thread(r, "conformance-traffic-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits until the traffic of {@code api} has been sent (starting every API's traffic on first use). */
    void await(Api api) {
        CompletableFuture<Void> future;
        synchronized (done) {
            if (done.isEmpty()) {
                for (Api a : run.apis()) {
                    if (run.tests(a)) {
                        done.put(a, start(a));
                    }
                }
            }
            future = done.get(api);
        }
        if (future != null) {
            future.join();
        }
    }

    private CompletableFuture<Void> start(Api api) {
        List<CompletableFuture<Void>> parallel = new ArrayList<>();
        List<Runnable> last = new ArrayList<>();
        for (ApiOperation op : SpecCatalog.of(api).operations()) {
            Runnable probe = timed("probe " + op.key(), () -> run.probes().of(op));
            if (OperationTraits.global(op)) {
                last.add(probe);
            } else {
                parallel.add(CompletableFuture.runAsync(quietly(probe), executor));
            }
        }
        for (FlowSpec flow : run.flows().enabled(api)) {
            Runnable step = timed("flow " + api + " " + flow.name(), () -> run.flows().run(flow));
            if (flow.global()) {
                last.add(step);
            } else {
                parallel.add(CompletableFuture.runAsync(quietly(step), executor));
            }
        }
        return CompletableFuture.allOf(parallel.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> last.forEach(r -> quietly(r).run()), executor);
    }

    private static Runnable timed(String what, Runnable r) {
        if (!Boolean.getBoolean("conformance.debugTimings")) {
            return r;
        }
        return () -> {
            long t = System.nanoTime();
            try {
                r.run();
            } finally {
                System.err.printf("[timing] %6d ms %s%n", (System.nanoTime() - t) / 1_000_000, what);
            }
        };
    }

    private static Runnable quietly(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                // reported by the cell that owns the step
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
