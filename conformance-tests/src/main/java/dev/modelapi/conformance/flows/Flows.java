package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Memo;

/** The multi-step flows of a run, each run once on first use. */
public final class Flows {

    private final Memo<CellVerdicts> decthingsLifecycle;
    private final Memo<CellVerdicts> piecesLifecycle;
    private final Memo<CellVerdicts> downloadProgress;
    private final Memo<CellVerdicts> blobRoundTrip;

    public Flows(ConformanceRun run) {
        this.decthingsLifecycle = Memo.of(() -> new DecthingsLifecycle(run).run());
        this.piecesLifecycle = Memo.of(() -> new PiecesLifecycle(run).run());
        this.downloadProgress = Memo.of(() -> new DownloadProgressFlow(run).run());
        this.blobRoundTrip = Memo.of(() -> new BlobRoundTrip(run).run());
    }

    public CellVerdicts decthingsLifecycle() {
        return decthingsLifecycle.get();
    }

    public CellVerdicts piecesLifecycle() {
        return piecesLifecycle.get();
    }

    public CellVerdicts downloadProgress() {
        return downloadProgress.get();
    }

    public CellVerdicts blobRoundTrip() {
        return blobRoundTrip.get();
    }
}
