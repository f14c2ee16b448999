package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Fixtures;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.Map;

/**
 * The Decthings model lifecycle on a model of the suite's own: create → read-after-create (getModels by id) →
 * update visible → list totals → delete → not listed any more, and use-after-delete gives {@code model_not_found}.
 */
final class DecthingsLifecycle {

    static final String CREATE = "createModel";
    static final String LIST = "getModels";
    static final String UPDATE = "updateModel";
    static final String DELETE = "deleteModel";
    static final String[] CELLS = {CREATE, LIST, UPDATE, DELETE};

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ConformanceRun run;
    private final SpecCatalog catalog = SpecCatalog.of(Api.DECTHINGS);

    DecthingsLifecycle(ConformanceRun run) {
        this.run = run;
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: the lifecycle creates and deletes a model", CELLS);
            return;
        }
        String name = run.adapter().name("lifecycle");
        ObjectNode create = (ObjectNode) run.adapter().adapt(Fixtures.successExample(catalog.operation(CREATE)),
                Map.of(), true, true);
        create.put("name", name);
        Exchange created = call(CREATE, create, "create the lifecycle model");
        Findings fc = v.at(CREATE);
        fc.examined();
        JsonNode idNode = created.result() == null ? null : created.result().get("modelId");
        if (idNode == null || !idNode.isTextual()) {
            fc.add("createModel did not create the lifecycle model", "{\"result\": {\"modelId\": …}}",
                    created.responseSummary(), created);
            v.skipRest("the lifecycle model could not be created", CELLS);
            return;
        }
        String id = idNode.asText();

        // read-after-create
        Exchange read = getById(id, "read-after-create");
        fc.examined();
        JsonNode model = DecthingsSteps.findModel(read, id);
        if (model == null) {
            fc.add("read-after-create: getModels with filter.ids does not return the model just created",
                    "result.models contains id " + id, read.responseSummary(), read);
        } else {
            readAfterCreate(create, model, read, fc);
        }

        // update visible
        Findings fu = v.at(UPDATE);
        String newName = run.adapter().name("lifecycle-renamed");
        String newDescription = "Updated by the conformance suite, run " + run.runId();
        ObjectNode update = JSON.objectNode().put("modelId", id);
        update.putObject("properties").put("name", newName).put("description", newDescription);
        Exchange updated = call(UPDATE, update, "rename the lifecycle model");
        fu.examined();
        if (updated.result() == null) {
            fu.add("updateModel did not succeed on the suite's own model", "{\"result\": {}}",
                    updated.responseSummary(), updated);
        } else {
            Exchange after = getById(id, "read after update");
            JsonNode m = DecthingsSteps.findModel(after, id);
            if (m == null || !newName.equals(m.path("name").asText(null))
                    || !newDescription.equals(m.path("description").asText(null))) {
                fu.add("update not visible: getModels does not show the new name and description",
                        "name " + newName + ", description \"" + newDescription + "\"",
                        m == null ? after.responseSummary() : "name " + m.path("name") + ", description "
                                + m.path("description"), after);
            }
        }

        // list totals
        Findings fl = v.at(LIST);
        Exchange one = getById(id, "list totals by id");
        fl.examined();
        JsonNode r = one.result();
        if (r == null || r.path("total").asInt(-1) != 1 || r.path("models").size() != 1) {
            fl.add("filter.ids with one existing id must give exactly that model and total 1",
                    "total 1, 1 model", r == null ? one.responseSummary() : "total " + r.path("total")
                            + ", " + r.path("models").size() + " model(s)", one);
        }
        ObjectNode page = JSON.objectNode().put("offset", 0).put("limit", 1);
        Exchange paged = call(LIST, page, "list totals, one page of 1");
        fl.examined();
        r = paged.result();
        if (r == null) {
            fl.add("getModels {offset 0, limit 1} failed", "a result", paged.responseSummary(), paged);
        } else {
            int size = r.path("models").size();
            int total = r.path("total").asInt(-1);
            if (size > 1 || total < size || total < 1 || r.path("offset").asInt(-1) != 0
                    || r.path("limit").asInt(-1) != 1) {
                fl.add("a page of limit 1 must hold at most 1 model, echo offset 0 / limit 1, and count at least"
                                + " the suite's model in total",
                        "models ≤ 1, total ≥ 1, offset 0, limit 1", "models " + size + ", total " + total
                                + ", offset " + r.path("offset") + ", limit " + r.path("limit"), paged);
            }
        }
        ObjectNode byName = JSON.objectNode();
        byName.putObject("filter").putArray("names").add(newName);
        Exchange named = call(LIST, byName, "list by name");
        fl.examined();
        if (DecthingsSteps.findModel(named, id) == null) {
            fl.add("filter.names with the model's name does not return it", "result.models contains id " + id,
                    named.responseSummary(), named);
        }

        // delete, then not listed and use-after-delete
        Findings fd = v.at(DELETE);
        Exchange deleted = call(DELETE, JSON.objectNode().put("modelId", id), "delete the lifecycle model");
        fd.examined();
        if (deleted.result() == null) {
            fd.add("deleteModel did not delete the suite's own model", "{\"result\": {}}",
                    deleted.responseSummary(), deleted);
            return;
        }
        Exchange gone = getById(id, "read after delete");
        fd.examined();
        JsonNode g = gone.result();
        if (g == null || DecthingsSteps.findModel(gone, id) != null || g.path("total").asInt(-1) != 0) {
            fd.add("the deleted model is still listed by getModels", "no model, total 0",
                    gone.responseSummary(), gone);
        }
        Exchange again = call(DELETE, JSON.objectNode().put("modelId", id), "use-after-delete: delete again");
        fd.examined();
        if (!"model_not_found".equals(again.errorCode())) {
            fd.add("use-after-delete: deleting the deleted model must give model_not_found",
                    "{\"error\": {\"code\": \"model_not_found\"}}", again.responseSummary(), again);
        }
        ObjectNode touch = JSON.objectNode().put("modelId", id);
        touch.putObject("properties").put("description", "after delete");
        Exchange use = call(UPDATE, touch, "use-after-delete: update");
        fd.examined();
        if (!"model_not_found".equals(use.errorCode())) {
            fd.add("use-after-delete: updating the deleted model must give model_not_found",
                    "{\"error\": {\"code\": \"model_not_found\"}}", use.responseSummary(), use);
        }
    }

    /** The model shows what it was created with: name, description, public access, language, tags. */
    private static void readAfterCreate(ObjectNode create, JsonNode model, Exchange read, Findings f) {
        JsonNode options = create.path("options");
        Map<String, JsonNode> expected = new java.util.LinkedHashMap<>();
        expected.put("name", create.get("name"));
        expected.put("description", create.get("description"));
        expected.put("publicAccess", create.path("publicAccess").isBoolean() ? create.get("publicAccess")
                : JSON.booleanNode(false));
        if (options.has("language")) {
            expected.put("language", options.get("language"));
        }
        expected.forEach((field, value) -> {
            if (value != null && !value.equals(model.get(field))) {
                f.add("read-after-create: the model's " + field + " is not the one it was created with",
                        field + " " + value, field + " " + model.get(field), read);
            }
        });
        for (JsonNode tag : options.path("tags")) {
            if (DecthingsSteps.find(model.get("tags"), tag::equals) == null) {
                f.add("read-after-create: a tag the model was created with is missing", "tags contain " + tag,
                        "tags " + model.get("tags"), read);
            }
        }
        if (model.path("beingCreated").asBoolean(false)) {
            f.add("read-after-create: a model created from code has no initial state to create, yet it says"
                    + " beingCreated: true", "beingCreated false", "beingCreated true", read);
        }
    }

    private Exchange getById(String id, String description) {
        ObjectNode request = JSON.objectNode();
        request.putObject("filter").putArray("ids").add(id);
        return call(LIST, request, description);
    }

    private Exchange call(String operation, ObjectNode request, String description) {
        return run.decthings().call(catalog.operation(operation), request, Call.of(Intent.FLOW, description));
    }

}
