package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Map;

import static dev.modelapi.conformance.flows.DecthingsSteps.forModel;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * Model names are unique among the caller's models ({@code x-modelapi-unique} on {@code CreateModelRequest.name} and
 * {@code UpdateModelProperties.name}, whose {@code conflict} is the error code): a second model with a name in use
 * and a rename to a name in use are refused; renaming a model to its own name is no conflict; a name freed by a
 * rename, and one freed by a delete, can be used again.
 */
final class NameUniqueness {

    static final String CREATE = "createModel";
    static final String UPDATE = "updateModel";
    static final String DELETE = "deleteModel";
    private static final String[] CELLS = {CREATE, UPDATE, DELETE};

    private final ConformanceRun run;
    private final DecthingsSteps steps;

    NameUniqueness(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    /** The error code the spec gives for a name in use ({@code x-modelapi-unique.conflict}), or null. */
    static String conflictCode() {
        Schema<?> request = SpecCatalog.of(Api.DECTHINGS).component("CreateModelRequest");
        Schema<?> name = (Schema<?>) request.getProperties().get("name");
        Object hint = name == null || name.getExtensions() == null ? null : name.getExtensions().get("x-modelapi-unique");
        return hint instanceof Map<?, ?> m && m.get("conflict") != null ? String.valueOf(m.get("conflict")) : null;
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.UNIQUENESS);
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: the uniqueness flow creates and renames models", CELLS);
            return;
        }
        String conflict = conflictCode();
        if (conflict == null) {
            v.skipRest("the spec does not mark CreateModelRequest.name as unique (x-modelapi-unique)", CELLS);
            return;
        }
        String first = run.adapter().name("uq-first");
        String second = run.adapter().name("uq-second");
        String a = create(first, "the first model", v.at(CREATE), true);
        String b = create(second, "the second model", v.at(CREATE), true);
        if (a == null || b == null) {
            v.skipRest("the models of the uniqueness flow could not be created", CELLS);
            return;
        }
        Findings fc = v.at(CREATE);
        Exchange duplicate = steps.call(CREATE, steps.codeModelRequest(first), "create a model with a name in use");
        fc.examined();
        if (!conflict.equals(duplicate.errorCode())) {
            fc.add("a second model with a name in use must be refused", DecthingsSteps.errorOf(conflict),
                    duplicate.responseSummary(), duplicate);
        }

        Findings fu = v.at(UPDATE);
        Exchange clash = rename(b, first, "rename the second model to the first one's name");
        fu.examined();
        if (!conflict.equals(clash.errorCode())) {
            fu.add("renaming a model to a name in use must be refused", DecthingsSteps.errorOf(conflict),
                    clash.responseSummary(), clash);
        } else {
            JsonNode m = steps.model(b, "read the second model after the refused rename", fu);
            if (m != null && !second.equals(text(m, "name"))) {
                fu.add("a refused rename must leave the name unchanged", "name " + second, "name " + m.get("name"),
                        clash);
            }
        }
        Exchange own = rename(a, first, "rename the first model to its own name");
        fu.examined();
        if (own.result() == null) {
            fu.add("renaming a model to its own name is no conflict", "{\"result\": {}}", own.responseSummary(), own);
        }
        Exchange moved = rename(a, run.adapter().name("uq-moved"), "rename the first model to a new name");
        if (moved.result() != null) {
            String c = create(first, "a model with the name freed by the rename", fu, false);
            if (c != null) {
                delete(c, first, v.at(DELETE));
            }
        } else {
            fu.add("renaming the suite's model to a free name did not succeed", "{\"result\": {}}",
                    moved.responseSummary(), moved);
        }
    }

    private String create(String name, String what, Findings f, boolean setup) {
        Exchange e = steps.call(CREATE, steps.codeModelRequest(name), "create " + what);
        String id = text(e.result(), "modelId");
        if (!setup) {
            f.examined();
        }
        if (id == null && !setup) {
            f.add("a name that is no longer in use must be usable again (" + what + ")", "{\"result\": {\"modelId\": …}}",
                    e.responseSummary(), e);
        }
        return id;
    }

    private Exchange rename(String model, String name, String description) {
        ObjectNode request = forModel(model);
        request.putObject("properties").put("name", name);
        return steps.call(UPDATE, request, description);
    }

    /** Deletes the model called {@code name}; then the name is free again. */
    private void delete(String model, String name, Findings f) {
        Exchange deleted = steps.call(DELETE, forModel(model), "delete the model holding the name");
        f.examined();
        if (deleted.result() == null) {
            f.add("deleteModel did not delete the suite's own model", "{\"result\": {}}", deleted.responseSummary(),
                    deleted);
            return;
        }
        create(name, "a model with the name freed by the delete", f, false);
    }
}
