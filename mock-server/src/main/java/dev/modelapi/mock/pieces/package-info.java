/**
 * The Pieces OS Model/Models endpoints: {@link dev.modelapi.mock.pieces.PiecesHandler} (routing, validation, Prefer)
 * and {@link dev.modelapi.mock.pieces.PiecesSimulation}, which implements the generated server interfaces over a
 * seeded catalogue and the shared {@link dev.modelapi.mock.pieces.download.DownloadManager}.
 */
package dev.modelapi.mock.pieces;
