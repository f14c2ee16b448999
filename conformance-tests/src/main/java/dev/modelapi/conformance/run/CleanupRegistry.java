package dev.modelapi.conformance.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the suite created and how to delete it. Only resources whose creation answer came back to the suite are
 * registered, so the suite never deletes what it did not create. {@link #cleanAll()} runs at the end of a run, and
 * from a shutdown hook when the run is interrupted; it deletes each resource at most once, newest first.
 */
public final class CleanupRegistry {

    /** How to delete one resource; returns null on success or a reason. */
    @FunctionalInterface
    public interface Deleter {
        String delete();
    }

    private record Entry(String description, Deleter deleter) {
    }

    private final Map<String, Entry> live = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();

    public synchronized void register(String key, String description, Deleter deleter) {
        live.putIfAbsent(key, new Entry(description, deleter));
    }

    /** Marks a resource as gone (a flow deleted it itself). */
    public synchronized void forget(String key) {
        live.remove(key);
    }

    public synchronized boolean isLive(String key) {
        return live.containsKey(key);
    }

    public synchronized int liveCount() {
        return live.size();
    }

    /** Deletes everything still registered; returns one line per resource. */
    public List<String> cleanAll() {
        List<Map.Entry<String, Entry>> entries;
        synchronized (this) {
            entries = new ArrayList<>(live.entrySet());
            live.clear();
        }
        List<String> lines = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i).getValue();
            String outcome;
            try {
                String reason = e.deleter().delete();
                outcome = reason == null ? "deleted " + e.description() : "NOT deleted " + e.description() + ": " + reason;
            } catch (RuntimeException ex) {
                outcome = "NOT deleted " + e.description() + ": " + ex;
            }
            lines.add(outcome);
        }
        synchronized (this) {
            report.addAll(lines);
        }
        return lines;
    }

    /** Everything {@link #cleanAll()} did so far. */
    public synchronized List<String> report() {
        return List.copyOf(report);
    }
}
