package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.EvaluationFailed;
import dev.modelapi.decthings.server.model.EvaluationSuccess;

/** A finished evaluation and its result (the simulation evaluates synchronously). */
record EvaluationRecord(String id, long startedAt, long finishedAt, EvaluationSuccess success,
                        EvaluationFailed failed) {
}
