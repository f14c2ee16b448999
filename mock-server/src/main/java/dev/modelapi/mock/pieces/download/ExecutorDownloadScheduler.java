package dev.modelapi.mock.pieces.download;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Real-time scheduling on one daemon thread (named {@code modelapi-download-N}). */
public final class ExecutorDownloadScheduler implements DownloadScheduler, AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ScheduledExecutorService executor;

    public ExecutorDownloadScheduler() {
        int n = COUNT.incrementAndGet();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modelapi-download-" + n);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Stops the thread; pending ticks are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
