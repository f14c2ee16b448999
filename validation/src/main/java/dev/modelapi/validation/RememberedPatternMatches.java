package dev.modelapi.validation;

import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.processing.Processor;
import com.github.fge.jsonschema.core.report.ListProcessingReport;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.keyword.validator.KeywordValidator;
import com.github.fge.jsonschema.processors.data.FullData;
import com.github.fge.msgsimple.bundle.MessageBundle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code pattern} that remembers which values matched. The validator library checks a pattern with ECMA-262
 * semantics by running {@code new RegExp(re).test(s)} in a JavaScript engine, compiling the regex on every call;
 * the patterns that pin discriminators ({@code ^code$}) see the same few values on every request. A remembered
 * match skips the engine; anything else (a first sight, a mismatch, a long value) is checked by the library's own
 * validator, so the verdicts and messages are its own.
 */
final class RememberedPatternMatches implements KeywordValidator {

    private static final int MAX_REMEMBERED = 4096;
    private static final int MAX_VALUE_CHARS = 256;
    /** (regex, value) pairs that matched; shared by all validators, emptied when full. */
    private static final Set<Match> MATCHED = ConcurrentHashMap.newKeySet();

    private record Match(String regex, String value) {
    }

    private final KeywordValidator libraryPattern;

    RememberedPatternMatches(KeywordValidator libraryPattern) {
        this.libraryPattern = libraryPattern;
    }

    @Override
    public void validate(Processor<FullData, FullData> processor, ProcessingReport report, MessageBundle bundle,
                         FullData data) throws ProcessingException {
        String value = data.getInstance().getNode().textValue();
        if (value == null || value.length() > MAX_VALUE_CHARS) {
            libraryPattern.validate(processor, report, bundle, data);
            return;
        }
        Match key = new Match(data.getSchema().getNode().get("pattern").textValue(), value);
        if (MATCHED.contains(key)) {
            return;
        }
        ListProcessingReport own = new ListProcessingReport(report.getLogLevel(), report.getExceptionThreshold());
        libraryPattern.validate(processor, own, bundle, data);
        if (own.isSuccess()) {
            if (MATCHED.size() >= MAX_REMEMBERED) {
                MATCHED.clear();
            }
            MATCHED.add(key);
        }
        report.mergeWith(own);
    }

    @Override
    public String toString() {
        return "pattern (remembered matches)";
    }
}
