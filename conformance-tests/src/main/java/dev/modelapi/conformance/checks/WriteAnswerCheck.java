package dev.modelapi.conformance.checks;

/**
 * {@code write-answer}: a write's own answer shows the change, not only the next read. Decthings: the ids that
 * {@code createModel}, {@code uploadState}, {@code createState}, {@code snapshotModel} and {@code train} return
 * name the new resource (it is listed under that id), {@code isNowCreating} says what the spec says for the kind of
 * create, {@code evaluate}'s outputs are the model's {@code evaluateOutput} parameters. Pieces: the {@code Model}
 * answered by load, unload, download, cancel, update and create shows the flags and values that the operation sets
 * ({@code x-modelapi-answer-shows}), the cache deletion names its model.
 */
public final class WriteAnswerCheck extends FlowCheck {

    @Override
    public CheckId id() {
        return CheckId.WRITE_ANSWER;
    }
}
