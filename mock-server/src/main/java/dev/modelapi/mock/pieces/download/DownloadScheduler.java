package dev.modelapi.mock.pieces.download;

import java.time.Duration;

/**
 * Where the {@link DownloadManager} schedules its progress ticks. {@link ExecutorDownloadScheduler} uses real time;
 * {@link ManualDownloadScheduler} is a virtual clock that tests step explicitly (no sleeping).
 */
public interface DownloadScheduler {

    /** A scheduled task that can be withdrawn. */
    @FunctionalInterface
    interface Cancellable {
        /** Withdraws the task if it has not run yet; no effect otherwise. */
        void cancel();
    }

    /** Runs {@code task} once, {@code delay} from now. */
    Cancellable schedule(Duration delay, Runnable task);
}
