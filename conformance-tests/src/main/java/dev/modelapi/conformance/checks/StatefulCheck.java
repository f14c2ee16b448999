package dev.modelapi.conformance.checks;

/**
 * {@code stateful}: the lifecycles, on resources of the suite's own. Decthings: models (read-after-create, update
 * visible, list totals, use-after-delete), states (upload/create → listed → active → bytes → rename → delete, the
 * active state cannot be deleted), snapshots (→ listed → rename → state bytes → models based on it → delete),
 * initial-state creation (creating → wait / cancel), training (→ terminal status → metrics, sysinfo → cancel, clear),
 * evaluation (outputs match the model's definitions → listed → same result), filesystem size, image, persistent
 * launchers. Pieces: create → read → list → update → load refused before download → download → load → unload →
 * scores → cache → delete → 410, cancel leaves the model not downloaded, unload-all. Each operation's cell reports
 * the steps that concern it.
 */
public final class StatefulCheck extends FlowCheck {

    @Override
    public CheckId id() {
        return CheckId.STATEFUL;
    }
}
