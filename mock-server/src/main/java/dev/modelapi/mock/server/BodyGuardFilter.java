package dev.modelapi.mock.server;

import dev.modelapi.mock.http.InternalHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
 *   <li>A body that starts with the gzip magic bytes (a framed Decthings request with 31 blobs and a 139-byte JSON
 *       does) is escaped so that WireMock does not try to un-gzip it (see {@link InternalHeaders#BODY_ESCAPED}).</li>
 * </ul>
 */
public final class BodyGuardFilter implements Filter {

    private final long maxBodyBytes;

    public BodyGuardFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || isUpgrade(http)) {
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
        if (body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b) {
            byte[] escaped = new byte[body.length + 1];
            System.arraycopy(body, 0, escaped, 1, body.length);
            body = escaped;
            headers.put(InternalHeaders.BODY_ESCAPED, List.of("1"));
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

    private static boolean isUpgrade(HttpServletRequest http) {
        return http.getHeader("Upgrade") != null;
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

    /** The request as WireMock sees it: our headers, and a body that is fully in memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final Map<String, List<String>> headers;
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, Map<String, List<String>> headers, byte[] body) {
            super(request);
            this.headers = headers;
            this.body = body;
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding"));
            headers.put("Content-Length", List.of(Integer.toString(body.length)));
        }

        private List<String> values(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return List.of();
        }

        @Override
        public String getHeader(String name) {
            List<String> v = values(name);
            return v.isEmpty() ? null : v.get(0);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return Collections.enumeration(values(name));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(new ArrayList<>(headers.keySet()));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener readListener) {
                    throw new UnsupportedOperationException("The body is already buffered");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                /** WireMock reads every body this way, three times a request: no 8 KB work buffers. */
                @Override
                public byte[] readAllBytes() {
                    return in.readAllBytes();
                }
            };
        }
    }
}
