package dev.modelapi.mock.pieces.download;

/** Sees every frame of every model, after the state change it reports (e.g. for logging). Must not block. */
@FunctionalInterface
public interface DownloadListener {
    void onFrame(String modelId, ProgressFrame frame);
}
