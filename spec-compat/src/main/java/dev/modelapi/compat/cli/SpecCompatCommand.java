package dev.modelapi.compat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.modelapi.compat.Acknowledgements;
import dev.modelapi.compat.Finding;
import dev.modelapi.compat.Severity;
import dev.modelapi.compat.SpecCompat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar spec-compat/target/modelapi-spec-compat.jar [--base REF|DIR] [--json FILE]}: the breaking-change
 * gate. Exit 0: nothing breaking, or every break acknowledged in {@code spec/CHANGES.md}; 1: an unacknowledged
 * break; 2: usage or I/O error.
 */
@Command(name = "modelapi-spec-compat", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compares the specs of this working tree with a base and reports breaking changes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no unacknowledged breaking change", "1:a breaking change not acknowledged in spec/CHANGES.md",
                "2:usage or I/O error"})
public final class SpecCompatCommand implements Callable<Integer> {

    /** The documents compared, under {@code spec/}. */
    static final List<String> DOCUMENTS = List.of("openapi/decthings-model-api.yaml", "openapi/pieces-model-api.yaml",
            "asyncapi/pieces-download-progress.yaml");
    static final String CHANGES = "spec/CHANGES.md";

    @Option(names = "--base", paramLabel = "REF|DIR", description = "A git ref or a checkout folder to compare with."
            + " Default: the merge-base with main, else the last tag, else HEAD.")
    String base;

    @Option(names = "--repo", paramLabel = "DIR", description = "The working tree (default: the current folder).")
    Path repo = Path.of(".");

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the findings as JSON.")
    Path json;

    @Option(names = "--print-base", description = "Only print the base commit (or folder) and exit; scripts that"
            + " compare other artifacts with the same base use it.")
    boolean printBase;

    private final PrintWriter stdout;

    SpecCompatCommand(PrintWriter stdout) {
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs the command; the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SpecCompatCommand(out));
        cli.setOut(out).setErr(err);
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            err.println("spec-compat: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = repo.toAbsolutePath().normalize();
        BaseSource source = BaseSource.resolve(root, base);
        if (printBase) {
            stdout.println(source.id());
            return 0;
        }
        Map<String, String> baseDocs = new LinkedHashMap<>();
        Map<String, String> headDocs = new LinkedHashMap<>();
        for (String doc : DOCUMENTS) {
            String old = source.read("spec/" + doc);
            if (old != null) {
                baseDocs.put(doc, old);
            }
            Path current = root.resolve("spec").resolve(doc);
            if (Files.exists(current)) {
                headDocs.put(doc, Files.readString(current));
            }
        }
        Path changes = root.resolve(CHANGES);
        Acknowledgements acks = Acknowledgements.between(source.read(CHANGES),
                Files.exists(changes) ? Files.readString(changes) : null);

        List<Finding> findings = SpecCompat.compare(baseDocs, headDocs);
        List<Finding> unacknowledged = new ArrayList<>();
        stdout.println("spec-compat: " + root.resolve("spec") + " against " + source.describe());
        for (Severity severity : Severity.values()) {
            List<Finding> group = findings.stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            stdout.println();
            stdout.println(heading(severity) + " (" + group.size() + ")");
            for (Finding f : group) {
                boolean acknowledged = severity == Severity.BREAKING && acks.acknowledges(f);
                if (severity == Severity.BREAKING && !acknowledged) {
                    unacknowledged.add(f);
                }
                stdout.println("  " + (acknowledged ? "[acknowledged] " : "") + f.document() + "  " + f.operation()
                        + "  " + f.rule() + (f.pointer().isEmpty() ? "" : "  " + f.pointer()) + "\n      " + f.message());
            }
        }
        if (json != null) {
            writeJson(findings, acks);
        }
        stdout.println();
        if (unacknowledged.isEmpty()) {
            stdout.println(findings.isEmpty() ? "No changes to the contract." : "No unacknowledged breaking change.");
            return 0;
        }
        stdout.println(unacknowledged.size() + " breaking change(s) not acknowledged. If intended, add a line per change"
                + " to " + CHANGES + " naming the operation, the rule and the pointer, e.g.:");
        Finding first = unacknowledged.get(0);
        stdout.println("  - `" + first.operation() + "` " + first.rule() + " " + first.pointer() + ": why, and what clients do");
        return 1;
    }

    private void writeJson(List<Finding> findings, Acknowledgements acks) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", f.severity().name());
            row.put("rule", f.rule());
            row.put("document", f.document());
            row.put("operation", f.operation());
            row.put("pointer", f.pointer());
            row.put("message", f.message());
            row.put("acknowledged", f.severity() == Severity.BREAKING && acks.acknowledges(f));
            rows.add(row);
        }
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), Map.of("findings", rows));
    }

    private static String heading(Severity severity) {
        return switch (severity) {
            case BREAKING -> "BREAKING";
            case STRICT_CLIENTS -> "SAFE FOR THIS SDK, BREAKING FOR STRICT CLIENTS";
            case COMPATIBLE -> "COMPATIBLE";
        };
    }
}
