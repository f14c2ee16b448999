package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;

import java.util.Set;

/** Which operations each flow has a cell for. */
public final class FlowCells {

    private FlowCells() {
    }

    /** Operations of the {@code stateful} check. */
    public static boolean lifecycle(ApiOperation op) {
        Set<String> cells = op.api() == Api.DECTHINGS ? Set.of(DecthingsLifecycle.CELLS) : Set.of(PiecesLifecycle.CELLS);
        return cells.contains(op.id());
    }

    /** Operations of the {@code ws-progress} check. */
    public static boolean progress(ApiOperation op) {
        return op.api() == Api.PIECES
                && (op.id().equals(DownloadProgressFlow.PROGRESS) || op.id().equals(DownloadProgressFlow.CANCEL));
    }

    /** Operations with a blob round-trip part in {@code binary-framing}. */
    public static boolean roundTrip(ApiOperation op) {
        return op.api() == Api.DECTHINGS
                && (op.id().equals(BlobRoundTrip.UPLOAD) || op.id().equals(BlobRoundTrip.DOWNLOAD));
    }
}
