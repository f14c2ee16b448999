package dev.modelapi.conformance.config;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a run is configured with. The suite reads it from JUnit configuration parameters (which fall back to
 * system properties, so {@code mvn verify -Dconformance.decthingsUrl=…} works); the CLI builds it from its options
 * and hands it over as explicit configuration parameters.
 *
 * @param decthingsUrl base URL of the Decthings deployment ({@code …/v0}); null = not tested (or embedded)
 * @param piecesUrl base URL of the Pieces OS deployment; null = not tested (or embedded)
 * @param apiKey Decthings API key sent as {@code Authorization: Bearer}; null = none
 * @param piecesAppId value of Pieces' {@code X-Application-ID} header; null = none
 * @param transport how Decthings requests are encoded
 * @param readOnly run only the operations that change nothing
 * @param only if not empty, run only these checks
 * @param skip never run these checks
 * @param reportDir where the reports go
 * @param seed seed of every data choice (negative variants, generated values)
 * @param requestTimeout timeout of one HTTP request
 */
public record ConformanceConfig(URI decthingsUrl, URI piecesUrl, String apiKey, String piecesAppId,
                                Transport transport, boolean readOnly, Set<CheckId> only, Set<CheckId> skip,
                                Path reportDir, long seed, Duration requestTimeout) {

    public static final String PREFIX = "conformance.";
    public static final String DECTHINGS_URL = PREFIX + "decthingsUrl";
    public static final String PIECES_URL = PREFIX + "piecesUrl";
    public static final String API_KEY = PREFIX + "apiKey";
    public static final String PIECES_APP_ID = PREFIX + "piecesAppId";
    public static final String TRANSPORT = PREFIX + "transport";
    public static final String READ_ONLY = PREFIX + "readOnly";
    public static final String ONLY = PREFIX + "only";
    public static final String SKIP = PREFIX + "skip";
    public static final String REPORT_DIR = PREFIX + "reportDir";
    public static final String SEED = PREFIX + "seed";
    public static final String TIMEOUT_SECONDS = PREFIX + "timeoutSeconds";

    /** Report directory when none is configured. */
    public static final Path DEFAULT_REPORT_DIR = Path.of("conformance-reports");

    public ConformanceConfig {
        transport = transport == null ? Transport.BINARY : transport;
        only = only == null || only.isEmpty() ? EnumSet.noneOf(CheckId.class) : EnumSet.copyOf(only);
        skip = skip == null || skip.isEmpty() ? EnumSet.noneOf(CheckId.class) : EnumSet.copyOf(skip);
        reportDir = reportDir == null ? DEFAULT_REPORT_DIR : reportDir;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        apiKey = blankToNull(apiKey);
        piecesAppId = blankToNull(piecesAppId);
    }

    /** With no URL at all the suite starts the embedded mock and tests both APIs. */
    public boolean embedded() {
        return decthingsUrl == null && piecesUrl == null;
    }

    /** The APIs under test. */
    public Set<Api> apis() {
        if (embedded()) {
            return EnumSet.allOf(Api.class);
        }
        Set<Api> apis = EnumSet.noneOf(Api.class);
        if (decthingsUrl != null) {
            apis.add(Api.DECTHINGS);
        }
        if (piecesUrl != null) {
            apis.add(Api.PIECES);
        }
        return apis;
    }

    /** Whether a check is switched on by {@code only}/{@code skip}. */
    public boolean enabled(CheckId check) {
        return (only.isEmpty() || only.contains(check)) && !skip.contains(check);
    }

    public ConformanceConfig withUrls(URI decthings, URI pieces) {
        return new ConformanceConfig(decthings, pieces, apiKey, piecesAppId, transport, readOnly, only, skip,
                reportDir, seed, requestTimeout);
    }

    public ConformanceConfig withApiKey(String key) {
        return new ConformanceConfig(decthingsUrl, piecesUrl, key, piecesAppId, transport, readOnly, only, skip,
                reportDir, seed, requestTimeout);
    }

    /**
     * Reads the configuration from a lookup ({@code ExtensionContext::getConfigurationParameter}, a map, …).
     *
     * @throws IllegalArgumentException on a malformed value (unknown check or transport, bad URL or number)
     */
    public static ConformanceConfig from(Function<String, Optional<String>> lookup) {
        Function<String, String> get = key -> lookup.apply(key).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String seed = get.apply(SEED);
        String timeout = get.apply(TIMEOUT_SECONDS);
        String reportDir = get.apply(REPORT_DIR);
        String transport = get.apply(TRANSPORT);
        return new ConformanceConfig(
                url(get.apply(DECTHINGS_URL), DECTHINGS_URL),
                url(get.apply(PIECES_URL), PIECES_URL),
                get.apply(API_KEY),
                get.apply(PIECES_APP_ID),
                transport == null ? Transport.BINARY : Transport.parse(transport),
                Boolean.parseBoolean(get.apply(READ_ONLY)),
                CheckId.parseList(get.apply(ONLY)),
                CheckId.parseList(get.apply(SKIP)),
                reportDir == null ? null : Path.of(reportDir),
                seed == null ? defaultSeed() : parseLong(seed, SEED),
                timeout == null ? null : Duration.ofSeconds(parseLong(timeout, TIMEOUT_SECONDS)));
    }

    public static ConformanceConfig from(Map<String, String> parameters) {
        return from(key -> Optional.ofNullable(parameters.get(key)));
    }

    /** The configuration as explicit JUnit configuration parameters (only what is set). */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (decthingsUrl != null) {
            p.put(DECTHINGS_URL, decthingsUrl.toString());
        }
        if (piecesUrl != null) {
            p.put(PIECES_URL, piecesUrl.toString());
        }
        if (apiKey != null) {
            p.put(API_KEY, apiKey);
        }
        if (piecesAppId != null) {
            p.put(PIECES_APP_ID, piecesAppId);
        }
        p.put(TRANSPORT, transport.key());
        p.put(READ_ONLY, Boolean.toString(readOnly));
        if (!only.isEmpty()) {
            p.put(ONLY, only.stream().map(CheckId::key).collect(Collectors.joining(",")));
        }
        if (!skip.isEmpty()) {
            p.put(SKIP, skip.stream().map(CheckId::key).collect(Collectors.joining(",")));
        }
        p.put(REPORT_DIR, reportDir.toString());
        p.put(SEED, Long.toString(seed));
        p.put(TIMEOUT_SECONDS, Long.toString(requestTimeout.toSeconds()));
        return p;
    }

    /** A one-line description for logs and report headers (no secrets). */
    public String describe() {
        return String.format(Locale.ROOT, "transport=%s read-only=%s seed=%d only=%s skip=%s api-key=%s",
                transport.key(), readOnly, seed, only.isEmpty() ? "all" : only, skip.isEmpty() ? "none" : skip,
                apiKey == null ? "none" : "set");
    }

    private static long defaultSeed() {
        return new java.security.SecureRandom().nextInt(1_000_000);
    }

    private static long parseLong(String value, String key) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a whole number, got '" + value + "'");
        }
    }

    private static URI url(String value, String key) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException(key + ": expected an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": not a URL: '" + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
