package dev.modelapi.conformance.checks;

/**
 * {@code ws-progress}: the Pieces download-progress WebSocket. Every frame matches {@code ModelDownloadProgress};
 * {@code INITIALIZED} → non-decreasing {@code IN-PROGRESS} → exactly one terminal status, nothing after it; a
 * completed download shows {@code downloaded: true}; two listeners of one download see the same frames; a listener
 * that joins after the end sees no running download; cancel during a download ends it with {@code CANCELED}.
 */
public final class WsProgressCheck extends FlowCheck {

    @Override
    public CheckId id() {
        return CheckId.WS_PROGRESS;
    }
}
