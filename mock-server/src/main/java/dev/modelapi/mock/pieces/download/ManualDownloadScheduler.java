package dev.modelapi.mock.pieces.download;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A virtual clock for tests: nothing runs until the test calls {@link #advance(Duration)} or {@link #runUntilIdle()},
 * and then tasks run on the calling thread, in due-time order (ties in scheduling order). Thread-safe (the clock
 * never goes back, even when several threads advance it at once).
 */
public final class ManualDownloadScheduler implements DownloadScheduler {

    private final class Task implements Comparable<Task>, Cancellable {
        final long due;
        final long seq;
        final Runnable body;
        volatile boolean cancelled;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
            synchronized (ManualDownloadScheduler.this) {
                queue.remove(this);
            }
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long seq;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(nowNanos + Math.max(0, delay.toNanos()), seq++, task);
        queue.add(t);
        return t;
    }

    /** Virtual time elapsed since creation. */
    public synchronized Duration now() {
        return Duration.ofNanos(nowNanos);
    }

    /** Number of tasks waiting. */
    public synchronized int pending() {
        return queue.size();
    }

    /**
     * Moves the clock forward by {@code duration}, running every task that falls due on the way (tasks scheduled by
     * those tasks too, if they fall due before the end).
     *
     * @return the number of tasks run
     */
    public int advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowNanos + duration.toNanos();
        }
        int ran = 0;
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    nowNanos = Math.max(nowNanos, target);
                    return ran;
                }
                queue.poll();
                nowNanos = Math.max(nowNanos, next.due);
            }
            if (!next.cancelled) {
                next.body.run();
                ran++;
            }
        }
    }

    /**
     * Runs tasks (moving the clock to each one's due time) until none is left.
     *
     * @return the number of tasks run
     * @throws IllegalStateException after 100 000 tasks (a task that reschedules itself forever)
     */
    public int runUntilIdle() {
        int ran = 0;
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    return ran;
                }
                nowNanos = Math.max(nowNanos, next.due);
            }
            if (!next.cancelled) {
                next.body.run();
                if (++ran > 100_000) {
                    throw new IllegalStateException("Still busy after 100000 tasks");
                }
            }
        }
    }
}
