package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.CurlReproducer;
import dev.modelapi.conformance.http.Exchange;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;

/** Collects a check's findings and turns them into a {@link CheckFailure} (or nothing). */
public final class Findings {

    /** How many findings the failure message spells out (all are kept in the report). */
    public static final int SHOWN = 3;

    private final CurlReproducer curl;
    private final List<Finding> findings = new ArrayList<>();
    private int examined;

    /** @param curl renders a reproducer per finding, or null for none (the proxy: it never replays traffic) */
    public Findings(CurlReproducer curl) {
        this.curl = curl;
    }

    /** Counts one examined item (an exchange, a frame, a step). */
    public void examined() {
        examined++;
    }

    public int examinedCount() {
        return examined;
    }

    public void add(String problem, String expected, String actual, Exchange exchange) {
        findings.add(new Finding(problem, expected, actual, exchange,
                curl == null || exchange == null || exchange.requestHeaders() == null ? null : curl.render(exchange)));
    }

    public void add(String problem, String expected, String actual) {
        findings.add(new Finding(problem, expected, actual, null, null));
    }

    /** Adds a finding made elsewhere (e.g. by a flow). */
    public void add(Finding finding) {
        findings.add(finding);
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }

    public List<Finding> list() {
        return List.copyOf(findings);
    }

    /** Throws when there are findings; skips with {@code reasonIfNothing} when nothing was examined. */
    public void conclude(String reasonIfNothing) {
        if (!findings.isEmpty()) {
            throw failure();
        }
        if (examined == 0 && reasonIfNothing != null) {
            throw new TestAbortedException(reasonIfNothing);
        }
    }

    public CheckFailure failure() {
        StringBuilder sb = new StringBuilder();
        sb.append(findings.size()).append(findings.size() == 1 ? " problem" : " problems");
        if (examined > 0) {
            sb.append(" in ").append(examined).append(" examined");
        }
        sb.append(':');
        for (int i = 0; i < Math.min(SHOWN, findings.size()); i++) {
            Finding f = findings.get(i);
            sb.append("\n").append(i + 1).append(". ").append(f.problem());
            sb.append("\n   expected: ").append(indent(f.expected()));
            sb.append("\n   actual:   ").append(indent(f.actual()));
            if (f.exchange() != null) {
                sb.append("\n   request:  ").append(indent(f.exchange().requestSummary()));
            }
            if (f.reproducer() != null) {
                sb.append("\n   reproduce: ").append(f.reproducer());
            }
        }
        if (findings.size() > SHOWN) {
            sb.append("\n… and ").append(findings.size() - SHOWN).append(" more (see the report)");
        }
        return new CheckFailure(sb.toString(), findings);
    }

    private static String indent(String s) {
        return s == null ? "(none)" : s.replace("\n", "\n             ");
    }
}
