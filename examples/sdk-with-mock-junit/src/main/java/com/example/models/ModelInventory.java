package com.example.models;

import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.model.GetModelsFilter;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.Model;
import dev.modelapi.pieces.client.PiecesClient;
import dev.modelapi.pieces.client.invoker.ApiException;
import dev.modelapi.pieces.client.model.ModelDownloadProgress;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A user's own code: lists the Decthings models whose name matches, and downloads a Pieces model while collecting
 * its progress. The test runs it against the kit's mock; in production the clients point at the real services.
 */
public final class ModelInventory {

    private final DecthingsClient decthings;
    private final PiecesClient pieces;

    public ModelInventory(DecthingsClient decthings, PiecesClient pieces) {
        this.decthings = decthings;
        this.pieces = pieces;
    }

    /** Names of every Decthings model whose name contains {@code text}, over all pages. */
    public List<String> decthingsModelNames(String text) {
        List<String> names = new ArrayList<>();
        for (Model model : decthings.allModels(new GetModelsRequest()
                .limit(2)
                .filter(new GetModelsFilter().searchName(text)))) {
            names.add(model.getName());
        }
        return names;
    }

    /** Downloads a Pieces model and returns every progress status seen, in order, ending with the terminal one. */
    public List<ModelDownloadProgressStatusEnum> download(String piecesModelId) throws Exception {
        List<ModelDownloadProgressStatusEnum> statuses = new ArrayList<>();
        var done = pieces.downloadProgress(piecesModelId, progress -> statuses.add(progress.getStatus()));
        pieces.model().modelSpecificModelDownload(piecesModelId);
        ModelDownloadProgress last = done.get(30, TimeUnit.SECONDS);
        if (statuses.isEmpty() || statuses.get(statuses.size() - 1) != last.getStatus()) {
            statuses.add(last.getStatus());
        }
        return statuses;
    }

    /** Ids of the local (not cloud) Pieces models that are not downloaded yet. */
    public List<String> piecesModelsToDownload() throws ApiException {
        List<String> ids = new ArrayList<>();
        pieces.models().modelsSnapshot().getIterable().stream()
                .filter(model -> !Boolean.TRUE.equals(model.getCloud()) && !Boolean.TRUE.equals(model.getDownloaded()))
                .forEach(model -> ids.add(model.getId()));
        return ids;
    }
}
