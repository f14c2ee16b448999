package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;

import java.util.Base64;
import java.util.List;

import static dev.modelapi.conformance.flows.DecthingsSteps.expectError;
import static dev.modelapi.conformance.flows.DecthingsSteps.forModel;
import static dev.modelapi.conformance.flows.DecthingsSteps.succeeded;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * Training on a model of the suite's own: train → the answered session is the model's and getTrainingStatus
 * moves forward only (starting → running → gettingState → completed | failed, progress non-decreasing) to a terminal
 * status; a completed session's state is listed; getTrainingMetrics gives exactly the entries asked for, each a
 * tensor; getTrainingSysinfo's {@code fromTimestamp} keeps only later points; clearPreviousTrainingSession refuses a
 * running session ({@code training_session_running}) and forgets a finished one; cancelTrainingSession ends a
 * running session as failed with {@code cancelled}, and a second cancel gives {@code training_session_not_running}.
 */
final class TrainingLifecycle {

    static final String TRAIN = "train";
    static final String STATUS = "getTrainingStatus";
    static final String METRICS = "getTrainingMetrics";
    static final String SYSINFO = "getTrainingSysinfo";
    static final String CANCEL = "cancelTrainingSession";
    static final String CLEAR = "clearPreviousTrainingSession";
    private static final String[] CELLS = {TRAIN, STATUS, METRICS, SYSINFO, CANCEL, CLEAR};
    private static final List<String> ORDER = List.of("starting", "running", "gettingState", "completed", "failed");
    /** How long a session may take to reach a terminal status before the rest is skipped. */
    static final long TERMINAL_TIMEOUT_MILLIS = 30_000;

    private final ConformanceRun run;
    private final DecthingsSteps steps;
    private CellVerdicts answers;

    TrainingLifecycle(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        answers = verdicts.of(CheckId.WRITE_ANSWER);
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: training creates sessions and states", CELLS);
            answers.skipRest("read-only mode: training creates sessions and states", TRAIN);
            return;
        }
        String model = steps.ownModel("training");
        String stateName = run.adapter().name("trained");
        String session = train(model, stateName, v.at(TRAIN), answers.at(TRAIN));
        if (session == null) {
            v.skipRest("no training session could be started", CELLS);
            return;
        }
        JsonNode last = followToTheEnd(model, session, stateName, v.at(STATUS));
        if (last == null) {
            v.skipRest("the session did not reach a terminal status within " + TERMINAL_TIMEOUT_MILLIS / 1000 + " s",
                    METRICS, SYSINFO, CLEAR, CANCEL);
        } else {
            completedState(model, session, stateName, last, v.at(TRAIN));
            metrics(model, session, last, v.at(METRICS));
            sysinfo(model, session, v.at(SYSINFO));
            clear(model, session, v.at(CLEAR));
        }
        cancel(model, v);
    }

    private ObjectNode trainRequest(String model, String stateName) {
        ObjectNode request = forModel(model).put("newStateName", stateName);
        request.putArray("params");
        ObjectNode location = request.putObject("executionLocation").put("type", "temporaryLauncher");
        location.putObject("spec").put("cpus", 1).put("memoryMebibytes", 1024);
        return request;
    }

    /** train; the answered session id is the model's (status by id, listed in trainingSessions). */
    private String train(String model, String stateName, Findings f, Findings answer) {
        Exchange e = steps.call(TRAIN, trainRequest(model, stateName), "start a training session");
        if (!succeeded(e, f, TRAIN)) {
            answers.skip(TRAIN, "train did not succeed");
            return null;
        }
        String id = text(e.result(), "trainingSessionId");
        answer.examined();
        Exchange status = steps.call(STATUS, forModel(model).put("trainingSessionId", id), "status of the new session");
        JsonNode m = steps.model(model, "read after train", f);
        boolean listed = m != null && DecthingsSteps.contains(m.get("trainingSessions"), id);
        JsonNode listedIds = m == null ? null : m.get("trainingSessions");
        if (status.result() == null || !listed) {
            answer.add("the trainingSessionId that train answered is not a session of the model",
                    "getTrainingStatus answers for " + id + " and model.trainingSessions contains it",
                    "status: " + status.responseSummary() + "; trainingSessions " + listedIds, e);
            return null;
        }
        if (!id.equals(text(status.result(), "id")) || !model.equals(text(status.result(), "modelId"))
                || !stateName.equals(text(status.result(), "newStateName"))) {
            f.add("getTrainingStatus of the new session does not describe it", "id " + id + ", modelId " + model
                    + ", newStateName " + stateName, status.result().toString(), status);
        }
        return id;
    }

    /** Polls the status until it is terminal; returns the last result, or null on timeout. */
    private JsonNode followToTheEnd(String model, String session, String stateName, Findings f) {
        long deadline = System.currentTimeMillis() + TERMINAL_TIMEOUT_MILLIS;
        int phase = 0;
        double progress = -1;
        long delay = 10;
        while (true) {
            Exchange e = steps.call(STATUS, forModel(model).put("trainingSessionId", session), "follow the session");
            if (!succeeded(e, f, STATUS)) {
                return null;
            }
            JsonNode status = e.result().path("status");
            String state = status.path("state").asText("");
            int index = ORDER.indexOf(state);
            if (index < 0) {
                return null; // the schema check reports an unknown state
            }
            if (Math.min(index, 3) < phase) {
                f.add("the training status went back from " + ORDER.get(phase) + " to " + state,
                        "starting → running → gettingState → completed | failed", status.toString(), e);
            }
            phase = Math.max(phase, Math.min(index, 3));
            if ("running".equals(state) && status.has("progress")) {
                double p = status.path("progress").asDouble();
                if (p < progress) {
                    f.add("training progress decreased from " + progress + " to " + p, "non-decreasing progress",
                            status.toString(), e);
                }
                progress = Math.max(progress, p);
            }
            if (index >= 3) {
                return e.result();
            }
            if (System.currentTimeMillis() > deadline) {
                return null;
            }
            sleep(delay);
            delay = Math.min(delay * 3 / 2, 1000);
        }
    }

    /** A completed session added its state to the model: named as asked, with the session in its history. */
    private void completedState(String model, String session, String stateName, JsonNode last, Findings f) {
        JsonNode status = last.path("status");
        if (!"completed".equals(status.path("state").asText())) {
            return; // failed (a model without code on a real deployment): nothing was created
        }
        String created = text(status, "createdStateId");
        JsonNode m = steps.model(model, "read after the session completed", f);
        if (m == null) {
            return;
        }
        f.examined();
        JsonNode state = created == null ? null : DecthingsSteps.byId(m.get("states"), created);
        if (state == null) {
            f.add("the state a completed session created (createdStateId) is not listed", "a state " + created,
                    "states " + StateLifecycle.ids(m.get("states")), null);
        } else {
            if (!stateName.equals(text(state, "name"))) {
                f.add("the trained state does not have the newStateName it was trained with", "name " + stateName,
                        "name " + state.get("name"), null);
            }
            if (!DecthingsSteps.contains(state.get("trainingOperations"), session)) {
                f.add("the trained state's trainingOperations do not name the session", "contains " + session,
                        "trainingOperations " + state.get("trainingOperations"), null);
            }
        }
        if (DecthingsSteps.contains(m.get("ongoingTrainingSessions"), session)) {
            f.add("a finished session is still listed in ongoingTrainingSessions", "not " + session,
                    "ongoingTrainingSessions " + m.get("ongoingTrainingSessions"), null);
        }
    }

    /** For each metric of the status: everything from 0, and one entry from index 1. */
    private void metrics(String model, String session, JsonNode last, Findings f) {
        JsonNode summaries = last.path("metrics");
        if (!summaries.isArray() || summaries.isEmpty()) {
            ObjectNode request = forModel(model).put("trainingSessionId", session);
            request.putArray("metrics");
            Exchange e = steps.call(METRICS, request, "fetch no metric");
            f.examined();
            if (e.result() == null || !e.result().path("metrics").isEmpty()) {
                f.add("asking for no metric must give no metric", "result.metrics []", e.responseSummary(), e);
            }
            return;
        }
        ObjectNode request = forModel(model).put("trainingSessionId", session);
        ArrayNode wanted = request.putArray("metrics");
        for (JsonNode s : summaries) {
            wanted.addObject().put("name", s.path("name").asText()).put("startIndex", 0)
                    .put("amount", s.path("amount").asLong());
            wanted.addObject().put("name", s.path("name").asText()).put("startIndex", 1).put("amount", 1);
        }
        Exchange e = steps.call(METRICS, request, "fetch the session's metrics");
        if (!succeeded(e, f, METRICS)) {
            return;
        }
        JsonNode got = e.result().path("metrics");
        if (got.size() != wanted.size()) {
            f.add("getTrainingMetrics must answer one metric per metric asked for", wanted.size() + " metrics",
                    got.size() + " metrics", e);
            return;
        }
        for (int i = 0; i < wanted.size(); i++) {
            JsonNode w = wanted.get(i);
            JsonNode g = got.get(i);
            long total = summaries.get(i / 2).path("amount").asLong();
            long start = w.path("startIndex").asLong();
            long expected = Math.max(0, Math.min(w.path("amount").asLong(), total - start));
            if (!w.path("name").asText().equals(g.path("name").asText())
                    || g.path("startIndex").asLong(-1) != start || g.path("entries").size() != expected) {
                f.add("getTrainingMetrics: " + w.path("name").asText() + " from " + start + " must give exactly the"
                                + " entries asked for (the status counts " + total + ")",
                        "name " + w.path("name").asText() + ", startIndex " + start + ", " + expected + " entries",
                        "name " + g.path("name") + ", startIndex " + g.path("startIndex") + ", "
                                + g.path("entries").size() + " entries", e);
            }
            long previous = Long.MIN_VALUE;
            for (JsonNode entry : g.path("entries")) {
                long ts = entry.path("timestamp").asLong();
                if (ts < previous) {
                    f.add("metric entries must be in time order", "non-decreasing timestamps",
                            g.path("entries").toString(), e);
                }
                previous = ts;
                try {
                    DecthingsTensor.deserialize(Base64.getDecoder().decode(entry.path("data").asText("")));
                } catch (RuntimeException ex) {
                    f.add("a metric entry is not a serialized DecthingsTensor", "a DecthingsTensor",
                            ex.getMessage(), e);
                }
            }
        }
    }

    /** All points, then only the points after the first one's timestamp. */
    private void sysinfo(String model, String session, Findings f) {
        Exchange all = steps.call(SYSINFO, forModel(model).put("trainingSessionId", session), "all sysinfo points");
        if (!succeeded(all, f, SYSINFO)) {
            return;
        }
        JsonNode points = all.result().path("sysinfo");
        if (points.isEmpty()) {
            return;
        }
        long from = points.get(0).path("timestamp").asLong();
        long after = 0;
        for (JsonNode p : points) {
            after += p.path("timestamp").asLong() > from ? 1 : 0;
        }
        Exchange later = steps.call(SYSINFO, forModel(model).put("trainingSessionId", session)
                .put("fromTimestamp", from), "sysinfo points after the first");
        if (!succeeded(later, f, SYSINFO + " with fromTimestamp")) {
            return;
        }
        JsonNode filtered = later.result().path("sysinfo");
        boolean onlyLater = true;
        for (JsonNode p : filtered) {
            onlyLater &= p.path("timestamp").asLong() > from;
        }
        if (!onlyLater || filtered.size() != after) {
            f.add("getTrainingSysinfo with fromTimestamp must give exactly the data points after that time",
                    after + " points, each after " + from, filtered.size() + " points: " + filtered, later);
        }
    }

    /** A finished session is cleared: no longer known, no longer in trainingSessions. */
    private void clear(String model, String session, Findings f) {
        Exchange e = steps.call(CLEAR, forModel(model).put("trainingSessionId", session), "clear the finished session");
        if (!succeeded(e, f, CLEAR + " of a finished session")) {
            return;
        }
        expectError(steps.call(STATUS, forModel(model).put("trainingSessionId", session), "status after clear"),
                "training_session_not_found", f, "getTrainingStatus of a cleared session");
        JsonNode m = steps.model(model, "read after clearPreviousTrainingSession", f);
        if (m != null && DecthingsSteps.contains(m.get("trainingSessions"), session)) {
            f.add("a cleared session is still listed in trainingSessions", "not " + session,
                    "trainingSessions " + m.get("trainingSessions"), e);
        }
    }

    /** A second session: clear refuses it while it runs, cancel ends it as failed (cancelled). */
    private void cancel(String model, CellVerdicts v) {
        Findings f = v.at(CANCEL);
        Exchange started = steps.call(TRAIN, trainRequest(model, run.adapter().name("canceled")),
                "start a session to cancel");
        String session = text(started.result(), "trainingSessionId");
        if (session == null) {
            v.skip(CANCEL, "no second session could be started: " + started.responseSummary());
            return;
        }
        Exchange status = steps.call(STATUS, forModel(model).put("trainingSessionId", session), "status before cancel");
        if (ORDER.indexOf(status.result() == null ? "" : status.result().path("status").path("state").asText()) >= 3) {
            v.skip(CANCEL, "the session ended before it could be canceled");
            return;
        }
        Exchange refused = steps.call(CLEAR, forModel(model).put("trainingSessionId", session), "clear a running session");
        Findings fc = v.at(CLEAR);
        fc.examined();
        if (refused.result() != null) {
            Exchange after = steps.call(STATUS, forModel(model).put("trainingSessionId", session), "status after clear");
            if (after.result() != null && ORDER.indexOf(after.result().path("status").path("state").asText()) < 3) {
                fc.add("clearPreviousTrainingSession of a running session must give training_session_running",
                        DecthingsSteps.errorOf("training_session_running"), refused.responseSummary(), refused);
            }
        } else if (!"training_session_running".equals(refused.errorCode())) {
            fc.add("clearPreviousTrainingSession of a running session must give training_session_running",
                    DecthingsSteps.errorOf("training_session_running"), refused.responseSummary(), refused);
        }
        Exchange canceled = steps.call(CANCEL, forModel(model).put("trainingSessionId", session), "cancel the session");
        if ("training_session_not_running".equals(canceled.errorCode())) {
            v.skip(CANCEL, "the session ended before the cancel reached it");
            return;
        }
        if (!succeeded(canceled, f, CANCEL)) {
            return;
        }
        Exchange after = steps.call(STATUS, forModel(model).put("trainingSessionId", session), "status after cancel");
        f.examined();
        JsonNode st = after.result() == null ? null : after.result().path("status");
        if (st == null || !"failed".equals(st.path("state").asText())
                || !"cancelled".equals(st.path("failReason").path("code").asText())) {
            f.add("a canceled session must be failed with failReason cancelled",
                    "status {state: failed, failReason: {code: cancelled}}", after.responseSummary(), after);
        }
        expectError(steps.call(CANCEL, forModel(model).put("trainingSessionId", session), "cancel it again"),
                "training_session_not_running", f, "cancelTrainingSession of a session that is not running");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
