package dev.modelapi.mock.pieces.download;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated Pieces OS model downloads: which models are downloading or downloaded, and the
 * {@code ModelDownloadProgress} frames of each download, delivered to subscribers (the WebSocket
 * {@code /model/{model}/download/progress}).
 *
 * <h2>Lifecycle of one download</h2>
 * {@link #start} sends {@code INITIALIZED} at once; then every {@linkplain Builder#tick tick} one {@code IN-PROGRESS}
 * frame whose {@code percentage} rises by a seeded random step ({@linkplain Builder#steps min..max}, one decimal)
 * until it reaches exactly {@code 100.0}; in the same tick the model becomes downloaded and {@code COMPLETED} is sent.
 * {@link #cancel} ends a running download with {@code CANCELED} (not downloaded), {@link #fail} with {@code FAILED}.
 * So every download sends {@code INITIALIZED}, non-decreasing {@code IN-PROGRESS}, and exactly one terminal frame.
 * The state change always happens <em>before</em> the frame that reports it is sent: a client that reacts to
 * {@code COMPLETED} with {@code GET /model/{id}} already sees {@code downloaded: true}.
 *
 * <h2>Subscribers</h2>
 * A subscriber that arrives while a download runs first gets the latest frame (the current state) and then every
 * following frame; one that arrives while no download runs gets nothing until the next download starts (sending a
 * stale terminal frame on connect would make clients that reload on {@code COMPLETED}, like Pieces' TypeScript example,
 * loop). Subscriptions survive terminal frames and {@link #reset()}: a new download of the same model is reported on
 * them. Callbacks run on the thread that caused the frame, in order, under the manager's lock: they must not block
 * (hand off to an asynchronous send). A callback that throws is unsubscribed.
 *
 * <h2>Determinism</h2>
 * The steps of a download depend only on the seed, the model id and how many downloads of that model were started
 * since the last reset — not on timing or on other models. With a {@link ManualDownloadScheduler} nothing moves until
 * the test advances the clock.
 *
 * <p>Thread-safe.
 */
public final class DownloadManager implements AutoCloseable {

    /** What {@link #start} did. */
    public enum StartResult {
        /** A download was started and {@code INITIALIZED} sent. */
        STARTED,
        /** A download of this model was already running; nothing changed. */
        ALREADY_DOWNLOADING,
        /** The model is already downloaded; nothing changed and nothing was sent. */
        ALREADY_DOWNLOADED
    }

    public static final Duration DEFAULT_TICK = Duration.ofMillis(250);
    public static final double DEFAULT_MIN_STEP = 4.0;
    public static final double DEFAULT_MAX_STEP = 16.0;

    private long seed; // guarded by lock
    private final Duration tick;
    private final double minStep;
    private final double maxStep;
    private final DownloadScheduler scheduler;
    private final AutoCloseable ownedScheduler;

    private final Object lock = new Object();
    private final Map<String, ModelState> models = new HashMap<>();
    private final Map<String, List<Consumer<String>>> subscribers = new HashMap<>();
    private final List<DownloadListener> listeners = new CopyOnWriteArrayList<>();

    private static final class ModelState {
        boolean downloaded;
        Download active;
        ProgressFrame last;
        int attempts;
    }

    private static final class Download {
        final SplittableRandom random;
        double percentage;
        DownloadScheduler.Cancellable next;

        Download(SplittableRandom random) {
            this.random = random;
        }
    }

    private DownloadManager(Builder b) {
        this.seed = b.seed;
        this.tick = b.tick;
        this.minStep = b.minStep;
        this.maxStep = b.maxStep;
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownedScheduler = null;
        } else {
            ExecutorDownloadScheduler own = new ExecutorDownloadScheduler();
            this.scheduler = own;
            this.ownedScheduler = own;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Real time, default tick and steps, the given seed. */
    public static DownloadManager create(long seed) {
        return builder().seed(seed).build();
    }

    public long seed() {
        synchronized (lock) {
            return seed;
        }
    }

    public Duration tick() {
        return tick;
    }

    /** Adds a listener that sees every frame of every model. */
    public void addListener(DownloadListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(DownloadListener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts downloading {@code modelId}: marks it downloading and sends {@code INITIALIZED}; the ticks follow.
     * The manager does not know the catalogue: the caller checks that the model exists.
     */
    public StartResult start(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        synchronized (lock) {
            ModelState st = models.computeIfAbsent(modelId, id -> new ModelState());
            if (st.active != null) {
                return StartResult.ALREADY_DOWNLOADING;
            }
            if (st.downloaded) {
                return StartResult.ALREADY_DOWNLOADED;
            }
            st.attempts++;
            Download d = new Download(new SplittableRandom(mix(seed, modelId, st.attempts)));
            st.active = d;
            emit(modelId, st, ProgressFrame.of(ProgressStatus.INITIALIZED));
            d.next = scheduler.schedule(tick, () -> onTick(modelId, d));
            return StartResult.STARTED;
        }
    }

    /**
     * Cancels the running download of {@code modelId}: it is not downloaded and {@code CANCELED} is sent.
     *
     * @return false (and nothing sent) if no download of it was running
     */
    public boolean cancel(String modelId) {
        return end(modelId, ProgressStatus.CANCELED);
    }

    /**
     * Fails the running download of {@code modelId} (fault simulation): not downloaded, {@code FAILED} sent.
     *
     * @return false (and nothing sent) if no download of it was running
     */
    public boolean fail(String modelId) {
        return end(modelId, ProgressStatus.FAILED);
    }

    /**
     * Marks {@code modelId} downloaded, e.g. a seeded catalogue entry (nothing is sent). If a download of it was
     * running it completes now ({@code IN-PROGRESS 100} then {@code COMPLETED}).
     */
    public void markDownloaded(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        synchronized (lock) {
            ModelState st = models.computeIfAbsent(modelId, id -> new ModelState());
            if (st.active != null) {
                st.active.next.cancel();
                st.active = null;
                st.downloaded = true;
                emit(modelId, st, ProgressFrame.inProgress(100.0));
                emit(modelId, st, ProgressFrame.of(ProgressStatus.COMPLETED));
            } else {
                st.downloaded = true;
            }
        }
    }

    /**
     * Forgets {@code modelId} (e.g. a deleted custom model): not downloaded, no last frame. A running download of it
     * ends with {@code CANCELED}. Its subscribers stay subscribed.
     */
    public void remove(String modelId) {
        synchronized (lock) {
            end(modelId, ProgressStatus.CANCELED);
            models.remove(modelId);
        }
    }

    /** {@code downloading} / {@code downloaded} / last frame of {@code modelId} (all false/null if never seen). */
    public DownloadStatus status(String modelId) {
        synchronized (lock) {
            ModelState st = models.get(modelId);
            return st == null ? new DownloadStatus(false, false, null)
                    : new DownloadStatus(st.active != null, st.downloaded, st.last);
        }
    }

    /**
     * The answer to a plain HTTP {@code GET /model/{model}/download/progress} (no WebSocket upgrade): the last frame of
     * the latest download; if there was none since the last reset, {@code COMPLETED} for a downloaded model and
     * {@code UNKNOWN} otherwise.
     */
    public ProgressFrame snapshot(String modelId) {
        DownloadStatus s = status(modelId);
        if (s.lastFrame() != null) {
            return s.lastFrame();
        }
        return ProgressFrame.of(s.downloaded() ? ProgressStatus.COMPLETED : ProgressStatus.UNKNOWN);
    }

    /** {@link #snapshot} as JSON text. */
    public String snapshotJson(String modelId) {
        return snapshot(modelId).toJson();
    }

    /**
     * Subscribes to the frames of {@code modelId} (JSON text, one {@code ModelDownloadProgress} object each). If a
     * download is running, {@code sink} gets its latest frame before this method returns.
     */
    public Subscription subscribe(String modelId, Consumer<String> sink) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(sink, "sink");
        // A distinct object per subscription, so that the same sink can be subscribed twice.
        Consumer<String> entry = sink::accept;
        synchronized (lock) {
            subscribers.computeIfAbsent(modelId, id -> new ArrayList<>()).add(entry);
            ModelState st = models.get(modelId);
            if (st != null && st.active != null && st.last != null) {
                deliver(modelId, entry, st.last.toJson());
            }
        }
        return () -> {
            synchronized (lock) {
                List<Consumer<String>> list = subscribers.get(modelId);
                if (list != null) {
                    list.remove(entry);
                    if (list.isEmpty()) {
                        subscribers.remove(modelId);
                    }
                }
            }
        };
    }

    /** Number of live subscriptions to {@code modelId}. */
    public int subscriberCount(String modelId) {
        synchronized (lock) {
            List<Consumer<String>> list = subscribers.get(modelId);
            return list == null ? 0 : list.size();
        }
    }

    /**
     * Forgets every model (nothing downloaded or downloading; the next download of a model repeats the steps of its
     * first one). Running downloads end with {@code CANCELED}. Subscriptions and listeners stay.
     */
    public void reset() {
        synchronized (lock) {
            for (String modelId : new ArrayList<>(models.keySet())) {
                end(modelId, ProgressStatus.CANCELED);
            }
            models.clear();
        }
    }

    /** {@link #reset()} with a new seed for the percentage steps (the mock's reseed). */
    public void reset(long newSeed) {
        synchronized (lock) {
            reset();
            seed = newSeed;
        }
    }

    /** Stops the internal scheduler thread, if the manager made it. Downloads stop moving. */
    @Override
    public void close() {
        synchronized (lock) {
            for (ModelState st : models.values()) {
                if (st.active != null) {
                    st.active.next.cancel();
                }
            }
        }
        if (ownedScheduler != null) {
            try {
                ownedScheduler.close();
            } catch (Exception e) {
                // ExecutorDownloadScheduler.close does not throw
            }
        }
    }

    private boolean end(String modelId, ProgressStatus terminal) {
        synchronized (lock) {
            ModelState st = models.get(modelId);
            if (st == null || st.active == null) {
                return false;
            }
            st.active.next.cancel();
            st.active = null;
            emit(modelId, st, ProgressFrame.of(terminal));
            return true;
        }
    }

    private void onTick(String modelId, Download d) {
        synchronized (lock) {
            ModelState st = models.get(modelId);
            if (st == null || st.active != d) {
                return; // cancelled, failed, reset or removed meanwhile
            }
            double step = minStep + d.random.nextDouble() * (maxStep - minStep);
            d.percentage = Math.min(100.0, Math.round((d.percentage + step) * 10.0) / 10.0);
            if (d.percentage >= 100.0) {
                st.active = null;
                st.downloaded = true;
                emit(modelId, st, ProgressFrame.inProgress(100.0));
                emit(modelId, st, ProgressFrame.of(ProgressStatus.COMPLETED));
            } else {
                emit(modelId, st, ProgressFrame.inProgress(d.percentage));
                d.next = scheduler.schedule(tick, () -> onTick(modelId, d));
            }
        }
    }

    private void emit(String modelId, ModelState st, ProgressFrame frame) {
        st.last = frame;
        String json = frame.toJson();
        List<Consumer<String>> list = subscribers.get(modelId);
        if (list != null) {
            for (Consumer<String> sink : new ArrayList<>(list)) {
                deliver(modelId, sink, json);
            }
        }
        for (DownloadListener l : listeners) {
            try {
                l.onFrame(modelId, frame);
            } catch (RuntimeException e) {
                // a listener must not break the download
            }
        }
    }

    private void deliver(String modelId, Consumer<String> sink, String json) {
        try {
            sink.accept(json);
        } catch (RuntimeException e) {
            List<Consumer<String>> list = subscribers.get(modelId);
            if (list != null) {
                list.remove(sink);
            }
        }
    }

    private static long mix(long seed, String modelId, int attempt) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < modelId.length(); i++) {
            h = (h ^ modelId.charAt(i)) * 0x100000001B3L;
        }
        h ^= attempt * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return h;
    }

    /** Configuration of a {@link DownloadManager}. */
    public static final class Builder {
        private long seed = 1;
        private Duration tick = DEFAULT_TICK;
        private double minStep = DEFAULT_MIN_STEP;
        private double maxStep = DEFAULT_MAX_STEP;
        private DownloadScheduler scheduler;

        private Builder() {
        }

        /** Seed of the percentage steps (the mock's {@code --seed}). Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Time between two {@code IN-PROGRESS} frames. Default 250 ms. */
        public Builder tick(Duration tick) {
            if (tick.isNegative()) {
                throw new IllegalArgumentException("tick must not be negative");
            }
            this.tick = tick;
            return this;
        }

        /** Range of the percentage step per tick, {@code 0 < min <= max <= 100}. Default 4..16. */
        public Builder steps(double min, double max) {
            if (!(min > 0 && min <= max && max <= 100)) {
                throw new IllegalArgumentException("need 0 < min <= max <= 100, got " + min + ".." + max);
            }
            this.minStep = min;
            this.maxStep = max;
            return this;
        }

        /**
         * Where ticks are scheduled, e.g. a {@link ManualDownloadScheduler} in tests. Default: a real-time daemon
         * thread owned (and closed) by the manager.
         */
        public Builder scheduler(DownloadScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public DownloadManager build() {
            return new DownloadManager(this);
        }
    }
}
