package dev.modelapi.conformance.checks;

/**
 * {@code query}: what a listing promises, over a known set of models of the suite's own. Decthings
 * {@code getModels}: {@code offset}/{@code limit} echoed, windows disjoint and complete, {@code total} counts every
 * match (not the page), each filter ({@code owners}, {@code tags}, {@code ids}, {@code names}, {@code searchName})
 * narrows exactly and filters combine, sort by each sortable field in both directions, the documented defaults
 * when a parameter is omitted. The parameters' roles come from the spec's {@code x-modelapi-*} hints. Pieces
 * {@code GET /models}: one entry per model, each readable by its id with the same values.
 */
public final class QueryCheck extends FlowCheck {

    @Override
    public CheckId id() {
        return CheckId.QUERY;
    }
}
