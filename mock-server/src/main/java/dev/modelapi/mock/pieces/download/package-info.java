/**
 * The simulated Pieces OS model downloads behind {@code POST /model/{model}/download},
 * {@code POST /model/{model}/download/cancel}, the {@code downloading}/{@code downloaded} flags of {@code Model}, and
 * the progress WebSocket ({@link dev.modelapi.mock.pieces.ws}).
 *
 * <p>{@link dev.modelapi.mock.pieces.download.DownloadManager} is the one entry point: {@code start}, {@code cancel},
 * {@code fail}, {@code status}, {@code subscribe}, {@code snapshot}, {@code markDownloaded}, {@code remove},
 * {@code reset}. Frames are {@link dev.modelapi.mock.pieces.download.ProgressFrame}s, serialized as the spec's
 * {@code ModelDownloadProgress}. Time comes from a {@link dev.modelapi.mock.pieces.download.DownloadScheduler}: real
 * time by default, {@link dev.modelapi.mock.pieces.download.ManualDownloadScheduler} in tests.
 */
package dev.modelapi.mock.pieces.download;
