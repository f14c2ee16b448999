package dev.modelapi.mock.pieces.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One {@code ModelDownloadProgress} message (spec: {@code components/schemas/ModelDownloadProgress} of
 * {@code openapi/pieces-model-api.yaml}): {@code schema}, {@code status} and, on {@code IN-PROGRESS} frames only,
 * {@code percentage} (0–100). Frames carry no model id.
 *
 * @param status the status
 * @param percentage 0–100 on {@code IN-PROGRESS} frames, {@code null} (the field is left out) otherwise
 */
public record ProgressFrame(ProgressStatus status, Double percentage) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code EmbeddedModelSchema.migration} of every frame. */
    public static final int SCHEMA_MIGRATION = 0;
    /** {@code EmbeddedModelSchema.semantic} of every frame. */
    public static final String SCHEMA_SEMANTIC = "MAJOR_0_MINOR_0_PATCH_1";

    public ProgressFrame {
        Objects.requireNonNull(status, "status");
        if (percentage != null && (percentage.isNaN() || percentage < 0 || percentage > 100)) {
            throw new IllegalArgumentException("percentage must be within 0..100, got " + percentage);
        }
    }

    public static ProgressFrame of(ProgressStatus status) {
        return new ProgressFrame(status, null);
    }

    public static ProgressFrame inProgress(double percentage) {
        return new ProgressFrame(ProgressStatus.IN_PROGRESS, percentage);
    }

    /** The frame as a JSON object node (a new node each call). */
    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode schema = node.putObject("schema");
        schema.put("migration", SCHEMA_MIGRATION);
        schema.put("semantic", SCHEMA_SEMANTIC);
        node.put("status", status.wireName());
        if (percentage != null) {
            node.put("percentage", percentage);
        }
        return node;
    }

    /** The frame as compact JSON text, e.g. {@code {"schema":{…},"status":"IN-PROGRESS","percentage":42.5}}. */
    public String toJson() {
        return toJsonNode().toString();
    }
}
