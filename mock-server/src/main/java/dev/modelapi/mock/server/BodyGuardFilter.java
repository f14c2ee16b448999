package dev.modelapi.mock.server;

import dev.modelapi.mock.http.InternalHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads every request body before WireMock does, so that WireMock never buffers more than the cap
 * ({@code --max-body-mib}): WireMock reads whole bodies into memory, and un-gzips them without limit.
 *
 * <ul>
 *   <li>A body over the cap (announced by Content-Length, or seen while reading) is replaced by nothing and marked
 *       with {@link InternalHeaders#BODY_TOO_LARGE}; the API handlers answer it with an error in the API's shape.
 *       The rest of an oversized body is not read.</li>
 *   <li>{@code Content-Encoding: gzip} is decoded here, under the same cap.</li>
 * </ul>
 * The buffered request is a {@link BufferedRequest}; the filters after this one (the framed-call decoder) rely on that.
 */
public final class BodyGuardFilter implements Filter {

    private final long maxBodyBytes;

    public BodyGuardFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || isWebSocketUpgrade(http)) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, List<String>> headers = copyHeaders(http);
        byte[] body;
        long declared = http.getContentLengthLong();
        if (declared > maxBodyBytes) {
            discard(http.getInputStream(), declared);
            body = tooLarge(headers, declared);
        } else if (declared == 0 || (declared < 0 && http.getHeader("Transfer-Encoding") == null)) {
            body = new byte[0];
        } else {
            body = declared > 0 ? readDeclared(http.getInputStream(), (int) declared)
                    : readCapped(http.getInputStream(), headers);
        }
        if (body.length > 0 && isGzipEncoded(headers)) {
            body = gunzipCapped(body, headers);
        }
        chain.doFilter(new BufferedRequest(http, headers, body), response);
    }

    /**
     * A body of known length (at most the cap; Jetty delivers no more than declared): read into one array of that
     * size. (readNBytes with the cap as its limit allocates 8 KB work buffers even for a 2-byte body - a
     * measurable share of the mock's garbage under load.)
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        int n = in.readNBytes(bytes, 0, length);
        return n == length ? bytes : Arrays.copyOf(bytes, n);
    }

    private byte[] readCapped(InputStream in, Map<String, List<String>> headers) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (bytes.length > maxBodyBytes) {
            discard(in, Long.MAX_VALUE);
            return tooLarge(headers, bytes.length);
        }
        return bytes;
    }

    /**
     * Reads and drops the rest of an oversized body, up to a bound, so that the client (still sending) gets to read
     * the error instead of a reset connection. Nothing is kept; past the bound Jetty closes the connection.
     */
    private void discard(InputStream in, long announced) throws IOException {
        long bound = Math.min(announced, Math.max(maxBodyBytes * 4, 16L << 20));
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < bound && (n = in.read(sink, 0, (int) Math.min(sink.length, bound - total))) > 0) {
            total += n;
        }
    }

    private byte[] gunzipCapped(byte[] gzipped, Map<String, List<String>> headers) {
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Encoding"));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return readCapped(in, headers);
        } catch (IOException e) {
            // Not gzip after all: hand the bytes on; the API handler reports what it cannot read.
            return gzipped;
        }
    }

    private byte[] tooLarge(Map<String, List<String>> headers, long size) {
        headers.put(InternalHeaders.BODY_TOO_LARGE, List.of(Long.toString(size)));
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Encoding"));
        return new byte[0];
    }

    /**
     * Only WebSocket upgrades pass unbuffered. Java's HttpClient asks for {@code Upgrade: h2c} on plain HTTP by
     * default; the mock declines that (HTTP/1.1 only), so such a request is an ordinary one, body cap included.
     */
    private static boolean isWebSocketUpgrade(HttpServletRequest http) {
        String upgrade = http.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    private static boolean isGzipEncoded(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("Content-Encoding")) {
                return e.getValue().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("gzip"));
            }
        }
        return false;
    }

    /** The request's headers, minus internal ones a client may have sent, in a case-preserving ordered map. */
    private static Map<String, List<String>> copyHeaders(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Enumeration<String> names = http.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            if (!InternalHeaders.isInternal(name)) {
                headers.put(name, Collections.list(http.getHeaders(name)));
            }
        }
        return headers;
    }
}
