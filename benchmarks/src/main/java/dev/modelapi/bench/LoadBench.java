package dev.modelapi.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.mock.ModelApiMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: 16 platform threads, each with its own HttpClient (HTTP/1.1, one keep-alive connection), send
 * the next request as soon as the previous answer is read. Per scenario: a warm-up per target, then the measured
 * window, split into rounds in which the targets take turns (so that the machine's drift hits all of them alike).
 * The mock (simulate mode, seed 42, request validation always on) and a plain WireMock server with static stubs
 * serving the same bytes run in this JVM on 127.0.0.1, one at a time.
 *
 * <p>With a {@code rate} (requests per second over all connections) the load is open instead: each connection
 * sends on a fixed schedule whether or not the target keeps up, and a request's latency counts from the moment it
 * was due, not from when it could be sent (so a stalled target is charged for the requests it held back, the
 * "coordinated omission" correction of wrk2). That is the latency a client pays at a given throughput; the closed
 * loop measures the most a target can serve, where p99 is mostly the queue the loop itself builds.
 *
 * <p>Usage: LoadBench OUT.json [connections] [warmupSeconds] [measureSeconds] [validateResponses]
 * [scenarioFilter] [targets] [rounds] [rate]. Targets, comma-separated: {@code mock}, {@code mock-no-journal},
 * {@code static-stub}, {@code wiremock-proxy} (WireMock's proxy in front of the journal-less mock, judging nothing),
 * {@code proxy} (the validating proxy there, as shipped) and {@code proxy-fresh} (the same without its verdict memo).
 */
public final class LoadBench {

    static final ObjectMapper JSON = new ObjectMapper();

    record Req(String method, String path, String contentType, byte[] body) {
    }

    record Scenario(String name, IntFunction<Req> request) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/target/load.json");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int measure = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        boolean validateResponses = args.length > 4 && Boolean.parseBoolean(args[4]);
        String only = args.length > 5 ? args[5] : "";          // run only scenarios whose name contains this
        String targets = args.length > 6 ? args[6] : "mock,mock-no-journal,static-stub";
        int rounds = args.length > 7 ? Integer.parseInt(args[7]) : 3;   // measurement slices per target, interleaved
        double rate = args.length > 8 ? Double.parseDouble(args[8]) : 0;  // requests/s in all; 0: closed loop
        Load load = new Load(connections, rate);

        ModelApiMock mock = ModelApiMock.builder().port(0).seed(42).validateResponses(validateResponses).build().start();
        // The same mock without a request journal: what the static stub is compared with (it keeps none either).
        ModelApiMock mockNoJournal = ModelApiMock.builder().port(0).seed(42).validateResponses(validateResponses)
                .disableRequestJournal().build().start();
        String dec = mock.decthingsBaseUrl();
        String piecesBase = mock.piecesBaseUrl();
        URI decUri = URI.create(dec);
        String decPath = decUri.getPath();                       // /v0
        String mockRoot = decUri.getScheme() + "://" + decUri.getAuthority();
        String piecesModel = mock.piecesModelIds().get(0);
        String piecesPath = URI.create(piecesBase).getPath() + "/model/" + piecesModel;

        byte[] getModelsFramed = RequestFrame.of("{}").encode();
        byte[] getModelsJson = "{}".getBytes(StandardCharsets.UTF_8);
        AtomicLong seq = new AtomicLong();

        List<Scenario> scenarios = List.of(
                new Scenario("decthings getModels (framed)",
                        t -> new Req("POST", decPath + "/Model/getModels", "application/octet-stream", getModelsFramed)),
                new Scenario("decthings getModels (JSON)",
                        t -> new Req("POST", decPath + "/Model/getModels", "application/json", getModelsJson)),
                new Scenario("decthings createModel (JSON)",
                        t -> new Req("POST", decPath + "/Model/createModel", "application/json",
                                ("{\"name\":\"bench-" + seq.incrementAndGet() + "\",\"description\":\"load\","
                                        + "\"options\":{\"type\":\"code\",\"language\":\"python\"}}")
                                        .getBytes(StandardCharsets.UTF_8))),
                new Scenario("pieces GET /model/{id}",
                        t -> new Req("GET", piecesPath, null, null)));

        // The static stub serves the bytes the mock answered (one sample answer per scenario).
        // Plain WireMock with static stubs, at its fastest: request journal disabled (WireMock's default unbounded
        // journal does a linear deque.contains() per request and keeps every body: it degrades with run length),
        // request logging disabled (else every request and response is formatted into a string, even when the
        // notifier drops it), the Jetty thread settings the same as the mock's.
        WireMockServer stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(64).jettyAcceptors(2).disableRequestJournal().stubRequestLoggingDisabled(true));
        stub.start();
        String stubRoot = "http://127.0.0.1:" + stub.port();
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Scenario s : scenarios) {
            Req r = s.request().apply(0);
            HttpResponse<byte[]> answer = probe.send(build(mockRoot, r), HttpResponse.BodyHandlers.ofByteArray());
            String ct = answer.headers().firstValue("Content-Type").orElse("application/octet-stream");
            var response = aResponse().withStatus(answer.statusCode()).withHeader("Content-Type", ct)
                    .withBody(answer.body());
            if (r.method().equals("GET")) {
                stub.stubFor(get(urlEqualTo(r.path())).willReturn(response));
            } else {
                stub.stubFor(post(urlEqualTo(r.path())).withHeader("Content-Type", equalTo(r.contentType()))
                        .willReturn(response));
            }
            System.out.printf("sample %-32s %d %s %d bytes%n", s.name(), answer.statusCode(), ct, answer.body().length);
        }

        List<String> targetList = List.of(targets.split(","));
        // The validating proxy in front of the journal-less mock: "proxy" against "mock-no-journal" is the cost of
        // forwarding plus judging every exchange with the conformance suite's rules. "proxy" keeps its verdicts
        // (its default: a repeated exchange is looked up), "proxy-fresh" judges every exchange afresh, which is
        // what traffic that never repeats itself costs.
        java.util.Map<String, dev.modelapi.conformance.proxy.ValidatingProxy> proxies = new java.util.LinkedHashMap<>();
        for (String target : targetList) {
            if (target.equals("proxy") || target.equals("proxy-fresh")) {
                proxies.put(target, dev.modelapi.conformance.proxy.ValidatingProxy.builder()
                        .decthingsUpstream(URI.create(mockNoJournal.decthingsBaseUrl()))
                        .piecesUpstream(URI.create(mockNoJournal.piecesBaseUrl()))
                        .rememberVerdicts(target.equals("proxy"))
                        .logTo(line -> { }).start());
            }
        }
        // WireMock's own proxy in front of the same mock, judging nothing: the cost of the extra hop alone, i.e. what
        // "proxy" pays before it validates anything.
        WireMockServer plainProxy = null;
        if (targetList.contains("wiremock-proxy")) {
            plainProxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(64)
                    .jettyAcceptors(2).disableRequestJournal().stubRequestLoggingDisabled(true)
                    .disableConnectionReuse(false));
            plainProxy.start();
            plainProxy.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                    .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + mockNoJournal.port())));
        }
        java.util.Map<String, String> roots = new java.util.HashMap<>(java.util.Map.of("mock", mockRoot,
                "mock-no-journal", "http://127.0.0.1:" + mockNoJournal.port(), "static-stub", stubRoot));
        proxies.forEach((target, proxy) -> roots.put(target, "http://127.0.0.1:" + proxy.port()));
        if (plainProxy != null) {
            roots.put("wiremock-proxy", "http://127.0.0.1:" + plainProxy.port());
        }
        // JIT warm-up of every path before the first measured row (the per-row warm-up follows).
        for (Scenario s : scenarios) {
            for (String target : targetList) {
                if (s.name().contains(only)) {
                    System.out.printf("%s / %s: JIT warm-up %d s ...%n", s.name(), target, Math.max(2, warmup / 2));
                    run(roots.get(target), s, load, Math.max(2, warmup / 2));
                }
            }
        }
        ArrayNode results = JSON.createArrayNode();
        long proxyViolations = 0;
        for (Scenario s : scenarios) {
            if (!s.name().contains(only)) {
                continue;
            }
            // Every scenario starts from the seeded state (the warm-ups create models: getModels would list more)
            // and with an empty journal.
            mock.reset();
            mockNoJournal.reset();
            for (String target : targetList) {
                System.out.printf("%s / %s: warm-up %d s ...%n", s.name(), target, warmup);
                run(roots.get(target), s, load, warmup);
            }
            mock.reset();
            mockNoJournal.reset();
            for (var proxy : proxies.entrySet()) {
                // the proxy's own time per exchange covers this scenario's measured requests only
                proxyViolations += proxy.getValue().log().violationCount();
                HttpResponse<Void> cleared = probe.send(HttpRequest.newBuilder(URI.create(roots.get(proxy.getKey())
                        + "/__admin/modelapi/violations")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                if (cleared.statusCode() / 100 != 2) {
                    throw new IllegalStateException("cannot clear the proxy's log: " + cleared.statusCode());
                }
            }
            // The targets take turns, `rounds` slices each: the machine's speed drifts by up to 2x within minutes,
            // and interleaving gives every target the same mix of fast and slow moments.
            java.util.Map<String, Result> totals = new java.util.LinkedHashMap<>();
            java.util.Map<String, Long> cpu = new java.util.HashMap<>();
            java.util.Map<String, Long> allocated = new java.util.HashMap<>();
            int slice = Math.max(1, measure / rounds);
            for (int round = 1; round <= rounds; round++) {
                for (String target : targetList) {
                    System.gc();
                    System.out.printf("%s / %s: measuring round %d/%d, %d s ...%n", s.name(), target, round, rounds,
                            slice);
                    long cpu0 = processCpuNanos();
                    long alloc0 = allocatedBytes();
                    Result part = run(roots.get(target), s, load, slice);
                    cpu.merge(target, processCpuNanos() - cpu0, Long::sum);
                    allocated.merge(target, allocatedBytes() - alloc0, Long::sum);
                    totals.computeIfAbsent(target, t -> new Result()).add(part);
                    System.out.printf("  %,.0f req/s  p99 %.3f ms%n", part.throughput(),
                            part.h.getValueAtPercentile(99) / 1e6);
                }
            }
            for (String target : targetList) {
                Result res = totals.get(target);
                // CPU of the whole process (servers + load generator) per request.
                double cpuMicros = cpu.get(target) / 1e3 / Math.max(1, res.h.getTotalCount());
                // Heap allocated per request (all threads): what drives the young collections, i.e. the p99.
                double allocKb = allocated.get(target) / 1024.0 / Math.max(1, res.h.getTotalCount());
                System.out.printf("%s / %s: %,.0f req/s  p50 %.3f ms  p99 %.3f ms  max %.3f ms  errors %d  "
                                + "cpu %.0f us/req  alloc %.0f KB/req%n", s.name(), target,
                        res.throughput(), res.h.getValueAtPercentile(50) / 1e6, res.h.getValueAtPercentile(99) / 1e6,
                        res.h.getMaxValue() / 1e6, res.errors, cpuMicros, allocKb);
                ObjectNode row = results.addObject();
                row.put("scenario", s.name());
                row.put("target", target);
                row.put("connections", connections);
                row.put("offeredRate", rate);
                row.put("warmupSeconds", warmup);
                row.put("measureSeconds", slice * rounds);
                row.put("rounds", rounds);
                row.put("requests", res.h.getTotalCount());
                row.put("errors", res.errors);
                row.put("throughput", res.throughput());
                row.put("p50ms", res.h.getValueAtPercentile(50) / 1e6);
                row.put("p90ms", res.h.getValueAtPercentile(90) / 1e6);
                row.put("p99ms", res.h.getValueAtPercentile(99) / 1e6);
                row.put("p999ms", res.h.getValueAtPercentile(99.9) / 1e6);
                row.put("maxms", res.h.getMaxValue() / 1e6);
                row.put("cpuMicrosPerRequest", cpuMicros);
                if (proxies.containsKey(target)) {
                    var judging = proxies.get(target).log().judgingTime();
                    row.put("judgingP50Micros", judging.p50Micros());
                    row.put("judgingP99Micros", judging.p99Micros());
                }
                row.put("allocatedKbPerRequest", allocKb);
            }
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("validateResponses", validateResponses);
        doc.set("results", results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
        stub.stop();
        if (plainProxy != null) {
            plainProxy.stop();
        }
        if (!proxies.isEmpty()) {
            for (var proxy : proxies.entrySet()) {
                System.out.println(proxy.getKey() + ": " + proxy.getValue().log().exchanges() + " exchanges judged, "
                        + proxy.getValue().violations().size() + " violations");
                proxyViolations += proxy.getValue().log().violationCount();
                proxy.getValue().close();
            }
            doc.put("proxyViolations", proxyViolations);
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
        }
        mock.stop();
        mockNoJournal.stop();
        System.exit(0);
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getTotalThreadAllocatedBytes();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static HttpRequest build(String root, Req r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + r.path())).timeout(Duration.ofSeconds(30));
        if (r.method().equals("GET")) {
            return b.GET().build();
        }
        return b.header("Content-Type", r.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(r.body())).build();
    }

    static final class Result {
        final Histogram h = new Histogram(60_000_000_000L, 3);
        long errors;
        double seconds;

        /** Counts an error; the first of a run is printed, so that a failing target says why. */
        void error(String what) {
            if (errors++ == 0) {
                System.out.println("  first error: " + what);
            }
        }

        double throughput() {
            return h.getTotalCount() / seconds;
        }

        void add(Result other) {
            h.add(other.h);
            errors += other.errors;
            seconds += other.seconds;
        }
    }

    /**
     * How the load is offered.
     *
     * @param connections one thread and one keep-alive connection each
     * @param rate        requests per second over all connections (open load), or 0 for a closed loop
     */
    record Load(int connections, double rate) {

        /** Nanoseconds between two requests of one connection; 0 in a closed loop. */
        long intervalNanos() {
            return rate <= 0 ? 0 : Math.round(connections * 1e9 / rate);
        }
    }

    static Result run(String root, Scenario s, Load load, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long interval = load.intervalNanos();
        List<Thread> threads = new ArrayList<>();
        List<Result> parts = new ArrayList<>();
        for (int t = 0; t < load.connections(); t++) {
            Result part = new Result();
            parts.add(part);
            int id = t;
            // open load: the connections' schedules are spread evenly over one interval
            long firstDue = start + interval * t / load.connections();
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                long due = firstDue;
                while (true) {
                    long now = System.nanoTime();
                    if (interval > 0) {
                        if (due >= end) {
                            break;
                        }
                        if (due > now) {
                            java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                        }
                    } else if (now >= end) {
                        break;
                    }
                    HttpRequest request = build(root, s.request().apply(id));
                    long t0 = interval > 0 ? due : System.nanoTime();
                    due += interval;
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long dt = System.nanoTime() - t0;
                        part.h.recordValue(Math.min(dt, 60_000_000_000L));
                        if (r.statusCode() != 200 || r.body().length == 0) {
                            part.error(r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                        }
                    } catch (Exception e) {
                        part.error(e.toString());
                    }
                }
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Result total = new Result();
        total.seconds = (System.nanoTime() - start) / 1e9;
        for (Result p : parts) {
            total.h.add(p.h);
            total.errors += p.errors;
        }
        return total;
    }
}
