package dev.modelapi.mock.pieces;

import dev.modelapi.mock.http.MockJson;
import dev.modelapi.mock.pieces.download.DownloadManager;
import dev.modelapi.mock.pieces.download.DownloadStatus;
import dev.modelapi.mock.sim.SeededIds;
import dev.modelapi.pieces.server.api.ModelApi;
import dev.modelapi.pieces.server.api.ModelsApi;
import dev.modelapi.pieces.server.api.WellKnownApi;
import dev.modelapi.pieces.server.model.ModelDeleteCacheInput;
import dev.modelapi.pieces.server.model.ModelDeleteCacheOutput;
import dev.modelapi.pieces.server.model.ModelDownloadProgress;
import dev.modelapi.pieces.server.model.Model;
import dev.modelapi.pieces.server.model.Models;
import dev.modelapi.pieces.server.model.ReferencedModel;
import dev.modelapi.pieces.server.model.Score;
import dev.modelapi.pieces.server.model.SeededModel;
import dev.modelapi.pieces.server.model.SeededScore;
import dev.modelapi.pieces.server.model.SeededScoreIncrement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulated PiecesOS Model and Models APIs: a seeded catalogue of models, downloads through the shared
 * {@link DownloadManager} (which also feeds the progress WebSocket), load/unload, custom models.
 * Implements the generated server interfaces, so an operation added to the spec that is not simulated here fails
 * compilation. Thread-safe: every call holds the simulation's lock (downloads progress on their own).
 *
 * <p>Stored models are never changed once stored (a change stores a new object), and the models handed out are
 * shared views: callers serialize them and must not change them.
 */
public final class PiecesSimulation implements ModelApi, ModelsApi, WellKnownApi {

    private final Object lock = new Object();
    private final DownloadManager downloads;
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Set<String> loaded = new HashSet<>();
    /**
     * The last view handed out per model. A view is a deep copy of the stored model with the computed flags set;
     * copying a model through Jackson was a sixth of a {@code GET /model/{id}} (BENCHMARKS.md), and most reads see
     * the same stored object and flags as the one before.
     */
    private final Map<String, View> views = new HashMap<>();

    private record View(Model stored, boolean downloaded, boolean downloading, boolean loaded, Model model) {
    }
    private SeededIds ids;

    public PiecesSimulation(DownloadManager downloads, long seed) {
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        reset(seed);
    }

    /** Back to the seeded catalogue: nothing loaded, nothing downloading, the seeded models downloaded. */
    public void reset(long seed) {
        synchronized (lock) {
            models.clear();
            loaded.clear();
            views.clear();
            downloads.reset(seed);
            ids = new SeededIds(seed, "pieces-models");
            for (PiecesCatalogue.Entry e : PiecesCatalogue.seeded(seed)) {
                models.put(e.model().getId(), e.model());
                if (e.downloaded()) {
                    downloads.markDownloaded(e.model().getId());
                }
            }
        }
    }

    /** True if the catalogue has this model id (the WebSocket asks before it streams). */
    public boolean exists(String modelId) {
        synchronized (lock) {
            return modelId != null && models.containsKey(modelId);
        }
    }

    // ------------------------------------------------------------------ Model API

    /** Cloud models live at their provider: PiecesOS cannot download or load them. */
    private static void requireLocal(Model m, String why) {
        if (Boolean.TRUE.equals(m.getCloud())) {
            throw PiecesException.internal("Model " + m.getId() + " (" + m.getName() + ") " + why);
        }
    }

    @Override
    public Model modelSpecificModelDownload(String model) {
        synchronized (lock) {
            Model m = require(model);
            requireLocal(m, "is a cloud model and cannot be downloaded.");
            downloads.start(model);
            return view(m);
        }
    }

    @Override
    public Model modelSpecificModelDownloadCancel(String model) {
        synchronized (lock) {
            Model m = require(model);
            downloads.cancel(model);
            return view(m);
        }
    }

    @Override
    public ModelDownloadProgress modelSpecificModelDownloadProgress(String model) {
        synchronized (lock) {
            require(model);
        }
        try {
            return MockJson.MAPPER.readValue(downloads.snapshotJson(model), ModelDownloadProgress.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Model modelSpecificModelLoad(String model) {
        synchronized (lock) {
            Model m = require(model);
            requireLocal(m, "is a cloud model; only local models are loaded into memory.");
            if (!downloads.status(model).downloaded()) {
                throw PiecesException.internal("Model " + model + " (" + m.getName()
                        + ") is not downloaded; download it before loading it.");
            }
            loaded.add(model);
            return view(m);
        }
    }

    @Override
    public Model modelSpecificModelUnload(String model) {
        synchronized (lock) {
            Model m = require(model);
            loaded.remove(model);
            return view(m);
        }
    }

    @Override
    public Model modelUpdate(Model model) {
        if (model == null) {
            throw PiecesException.internal("The request body must be the Model to update.");
        }
        synchronized (lock) {
            Model current = require(model.getId());
            if (!Boolean.TRUE.equals(current.getCustom())) {
                throw PiecesException.internal("Model " + model.getId()
                        + " is not a custom model; only models with custom: true can be updated.");
            }
            Model stored = copy(model);
            stored.setCustom(true);
            stored.setDownloaded(null);
            stored.setDownloading(null);
            stored.setLoaded(null);
            models.put(stored.getId(), stored);
            return view(stored);
        }
    }

    @Override
    public Model modelsSpecificModelSnapshot(String model) {
        synchronized (lock) {
            Model m = models.get(model);
            if (m == null) {
                throw new PiecesException(410, PiecesException.MODEL_NOT_FOUND);
            }
            return view(m);
        }
    }

    @Override
    public void modelScoresIncrement(String model, SeededScoreIncrement increment) {
        synchronized (lock) {
            Model m = require(model);
            SeededScore s = increment == null ? null : increment.getModel();
            if (s == null) {
                return; // nothing about this model to count
            }
            Score score = m.getScore() != null ? MockJson.copy(m.getScore(), Score.class)
                    : new Score().manual(0).automatic(0);
            if (Boolean.TRUE.equals(s.getReuse())) {
                score.setReuse(plusOne(score.getReuse()));
            }
            if (Boolean.TRUE.equals(s.getUpdate())) {
                score.setUpdate(plusOne(score.getUpdate()));
            }
            if (Boolean.TRUE.equals(s.getReference())) {
                score.setReference(plusOne(score.getReference()));
            }
            if (Boolean.TRUE.equals(s.getPriority())) {
                score.setPriority(plusOne(score.getPriority()));
            }
            if (Boolean.TRUE.equals(s.getSearched())) {
                score.setSearched(plusOne(score.getSearched()));
            }
            score.setManual(plusOne(score.getManual()));
            Model updated = copy(m);
            updated.setScore(score);
            models.put(updated.getId(), updated);
        }
    }

    // ------------------------------------------------------------------ Models API

    @Override
    public Models modelsSnapshot() {
        synchronized (lock) {
            Models out = new Models();
            out.setIterable(models.values().stream().map(this::view).toList());
            return out;
        }
    }

    @Override
    public Model modelsCreateNewModel(SeededModel seeded) {
        if (seeded == null) {
            throw PiecesException.internal("The request body must be the SeededModel to create.");
        }
        synchronized (lock) {
            // "the endpoint ensures that no duplicate models exist": the same unique name gives the existing model.
            for (Model m : models.values()) {
                if (seeded.getUnique() != null && seeded.getUnique().equals(m.getUnique())) {
                    return view(m);
                }
            }
            com.fasterxml.jackson.databind.node.ObjectNode json = MockJson.tree(seeded);
            json.put("id", ids.uuid());
            Model created;
            try {
                created = MockJson.MAPPER.treeToValue(json, Model.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            created.setCustom(true);
            created.setDownloaded(null);
            models.put(created.getId(), created);
            if (Boolean.TRUE.equals(seeded.getDownloaded())) {
                downloads.markDownloaded(created.getId());
            }
            return view(created);
        }
    }

    @Override
    public void unloadModels() {
        synchronized (lock) {
            loaded.clear();
        }
    }

    @Override
    public void modelsDeleteSpecificModel(String model) {
        synchronized (lock) {
            Model m = require(model);
            if (!Boolean.TRUE.equals(m.getCustom())) {
                throw PiecesException.internal("Model " + model
                        + " is not a custom model; only models with custom: true can be deleted.");
            }
            models.remove(model);
            views.remove(model);
            loaded.remove(model);
            downloads.remove(model);
        }
    }

    @Override
    public ModelDeleteCacheOutput modelsDeleteSpecificModelCache(String model, ModelDeleteCacheInput input) {
        synchronized (lock) {
            require(model);
            return new ModelDeleteCacheOutput().model(new ReferencedModel().id(model)).schema(
                    input == null ? null : input.getSchema());
        }
    }

    // ------------------------------------------------------------------ WellKnown

    @Override
    public String getWellKnownHealth() {
        return "ok";
    }

    @Override
    public void headWellKnownHealth() {
        // 200, no body
    }

    // ------------------------------------------------------------------ helpers

    private Model require(String id) {
        Model m = id == null ? null : models.get(id);
        if (m == null) {
            throw PiecesException.internal(PiecesException.MODEL_NOT_FOUND);
        }
        return m;
    }

    /** The stored model with the computed flags filled in (cloud models: never downloaded or loaded). */
    private Model view(Model stored) {
        boolean cloud = Boolean.TRUE.equals(stored.getCloud());
        DownloadStatus status = cloud ? null : downloads.status(stored.getId());
        boolean downloaded = !cloud && status.downloaded();
        boolean downloading = !cloud && status.downloading();
        boolean isLoaded = !cloud && loaded.contains(stored.getId());
        View last = views.get(stored.getId());
        if (last != null && last.stored() == stored && last.downloaded() == downloaded
                && last.downloading() == downloading && last.loaded() == isLoaded) {
            return last.model();
        }
        Model out = copy(stored);
        out.setDownloaded(downloaded);
        out.setDownloading(downloading);
        out.setLoaded(isLoaded);
        views.put(stored.getId(), new View(stored, downloaded, downloading, isLoaded, out));
        return out;
    }

    private static Model copy(Model m) {
        return MockJson.copy(m, Model.class);
    }

    private static Integer plusOne(Integer v) {
        return v == null ? 1 : v + 1;
    }

    /** For tests and the admin API: ids of the catalogue, in order. */
    public List<String> modelIds() {
        synchronized (lock) {
            return List.copyOf(models.keySet());
        }
    }
}
