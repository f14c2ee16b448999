package dev.modelapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jackson.jsonpointer.JsonPointer;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.processing.Processor;
import com.github.fge.jsonschema.core.report.ListProcessingReport;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.keyword.validator.AbstractKeywordValidator;
import com.github.fge.jsonschema.keyword.validator.KeywordValidator;
import com.github.fge.jsonschema.processors.data.FullData;
import com.github.fge.msgsimple.bundle.MessageBundle;

/**
 * The {@code discriminator} keyword for {@code oneOf} unions, with the library's checks and messages
 * ({@code err.swaggerv2.discriminator.*}), validating the named member where it stands ({@code oneOf/i}).
 *
 * <p>Why not the library's own: to guard against {@code allOf} loops it attaches the member schema to itself
 * ({@code member._discriminatorValidation.<context> = member}) and leaves it there. With component references
 * kept (which {@link SpecValidator} does, for speed) the member is a shared {@code components/schemas} node, and
 * the next union that refers to it hashes it while checking its syntax: a {@code StackOverflowError}. A union
 * without {@code oneOf} (the {@code allOf} style, unused by the shipped specs) still goes to the library's.
 */
final class DiscriminatorKeyword extends AbstractKeywordValidator {

    private final KeywordValidator library;

    DiscriminatorKeyword(KeywordValidator library) {
        super("discriminator");
        this.library = library;
    }

    @Override
    public void validate(Processor<FullData, FullData> processor, ProcessingReport report, MessageBundle bundle,
                         FullData data) throws ProcessingException {
        JsonNode schema = data.getSchema().getNode();
        if (DiscriminatedMember.members(schema) == null) {
            library.validate(processor, report, bundle, data);
            return;
        }
        String property = schema.path("discriminator").path("propertyName").asText();
        JsonNode value = data.getInstance().getNode().get(property);
        if (value == null || (value.isTextual() && value.textValue().isEmpty())) {
            report.error(newMsg(data, bundle, "err.swaggerv2.discriminator.missing")
                    .putArgument("discriminatorField", property));
            return;
        }
        if (!value.isTextual()) {
            report.error(newMsg(data, bundle, "err.swaggerv2.discriminator.nonText")
                    .putArgument("discriminatorField", property));
            return;
        }
        int index = DiscriminatedMember.index(schema, value.textValue());
        if (index == DiscriminatedMember.NONE) {
            report.error(newMsg(data, bundle, "err.swaggerv2.discriminator.invalid")
                    .putArgument("discriminatorField", property)
                    .putArgument("value", value.textValue())
                    .putArgument("allowedValues", DiscriminatedMember.allowedValues(schema)));
            return;
        }
        JsonPointer member = data.getSchema().getPointer().append("oneOf").append(index);
        ListProcessingReport memberReport = new ListProcessingReport(report.getLogLevel(), LogLevel.FATAL);
        processor.process(memberReport, data.withSchema(data.getSchema().setPointer(member)));
        if (!memberReport.isSuccess()) {
            String ref = schema.get("oneOf").get(index).path("$ref").asText();
            report.error(newMsg(data, bundle, "err.swaggerv2.discriminator.fail")
                    .putArgument("schema", ref.startsWith("#") ? ref.substring(1) : ref)
                    .put("reports", memberReport.asJson()));
        }
    }

    @Override
    public String toString() {
        return "discriminator (oneOf)";
    }
}
