package dev.modelapi.conformance.report;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;

import java.util.Map;

/** {@code conformance-report.html}: the same content as the Markdown report, as one self-contained page. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(ResultsFile r, CoverageGrid grid) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Model API conformance report</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #ccc;padding:3px 6px}"
                + "th{background:#f4f4f4;font-size:.8em}td.op{font-family:monospace}"
                + "td.PASSED{background:#d8f5d8;text-align:center}td.FAILED{background:#f8d0d0;text-align:center;"
                + "font-weight:bold}td.SKIPPED{background:#fff2c0;text-align:center}"
                + "td.NOT_COVERED{background:#fafafa;color:#aaa;text-align:center}"
                + "pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap;font-size:.85em}"
                + ".summary{font-size:1.2em;font-weight:bold}.never{color:#a60}"
                + "</style></head><body>\n<h1>Model API conformance report</h1>\n<ul>");
        h.append("<li>Started: ").append(e(r.started())).append("</li>");
        r.targets().forEach(t -> h.append("<li>").append(e(Api.fromKey(t.api()).title())).append(": <code>")
                .append(e(t.url())).append("</code>").append(t.embedded() ? " (embedded mock)" : "").append("</li>"));
        h.append("<li>Configuration: ").append(e(r.configuration())).append("</li></ul>\n");
        Map<OutcomeStatus, Long> totals = grid.totals();
        h.append("<p class=\"summary\">").append(e(r.summary().line())).append("</p><p>")
                .append(totals.get(OutcomeStatus.NOT_COVERED)).append(" of ")
                .append(grid.rows().size() * CheckId.values().length)
                .append(" operation × check cells not covered (the check does not apply, or was switched off).</p>\n");
        for (Api api : MarkdownReport.apis(r)) {
            h.append("<h2>Coverage — ").append(e(api.title())).append("</h2>\n<table><tr><th>Operation</th>");
            for (CheckId c : CheckId.values()) {
                h.append("<th title=\"").append(e(c.summary())).append("\">").append(e(c.key())).append("</th>");
            }
            h.append("</tr>\n");
            for (CoverageGrid.Row row : grid.rows(api)) {
                h.append("<tr><td class=\"op\" title=\"").append(e(row.label())).append("\">").append(e(row.operation()));
                if (!row.exercised()) {
                    h.append(" <span class=\"never\">(never exercised)</span>");
                }
                h.append("</td>");
                for (CheckId c : CheckId.values()) {
                    OutcomeStatus s = row.cells().get(c);
                    h.append("<td class=\"").append(s.name()).append("\" title=\"").append(e(c.key())).append(": ")
                            .append(e(s.label())).append("\">").append(e(s == OutcomeStatus.NOT_COVERED ? "·"
                                    : s.label())).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Spec operations never exercised</h2>\n");
        if (r.neverExercised().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul>");
            r.neverExercised().forEach(k -> h.append("<li><code>").append(e(k)).append("</code>")
                    .append(e(MarkdownReport.reason(r, k))).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<h2>Failures</h2>\n");
        boolean any = false;
        for (ResultsFile.Cell c : r.cells()) {
            if (c.status().equals(OutcomeStatus.FAILED.name())) {
                any = true;
                h.append("<h3>").append(e(c.api() + " " + c.operation() + " · " + c.check())).append("</h3>\n<pre>")
                        .append(e(c.message())).append("</pre>\n");
            }
        }
        if (!any) {
            h.append("<p>None.</p>\n");
        }
        h.append("<h2>Skipped</h2>\n<ul>");
        r.cells().stream().filter(c -> c.status().equals(OutcomeStatus.SKIPPED.name())).forEach(c ->
                h.append("<li><code>").append(e(c.api() + " " + c.operation() + " · " + c.check()))
                        .append("</code>: ").append(e(c.message())).append("</li>"));
        h.append("</ul>\n<h2>Cleanup</h2>\n<ul>");
        r.cleanup().forEach(l -> h.append("<li>").append(e(l)).append("</li>"));
        h.append("</ul>\n<p class=\"summary\">").append(e(r.summary().line())).append("</p>\n</body></html>\n");
        return h.toString();
    }

    static String e(String s) {
        return JUnitXmlReport.esc(s);
    }
}
