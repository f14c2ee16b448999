package dev.modelapi.mock.pieces.download;

import java.util.Optional;

/**
 * What the {@link DownloadManager} knows of one model: the values of {@code Model.downloading} and
 * {@code Model.downloaded}, and the last frame of its latest download (if any since the last reset).
 *
 * @param downloading a download is running (from {@code INITIALIZED} until its terminal frame)
 * @param downloaded the model is on disk: its latest download completed, or it was seeded so
 * @param lastFrame the last frame sent for this model, or {@code null}
 */
public record DownloadStatus(boolean downloading, boolean downloaded, ProgressFrame lastFrame) {

    public Optional<ProgressFrame> last() {
        return Optional.ofNullable(lastFrame);
    }
}
