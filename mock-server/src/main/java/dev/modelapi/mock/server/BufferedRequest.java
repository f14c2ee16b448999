package dev.modelapi.mock.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The request as WireMock sees it: the headers the mock's filters settled on, and a body that is fully in memory.
 *
 * <p>WireMock un-gzips every body that starts with the gzip magic bytes, whatever its headers say (a framed Decthings
 * request with 31 blobs and a 139-byte JSON starts with them). Such a body is therefore handed to WireMock gzipped
 * once more, and WireMock's un-gzip gives back exactly the bytes the client sent.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final Map<String, List<String>> headers;
    private final byte[] body;

    /** Takes over {@code headers} (case-preserving; Content-Length is set to the body's). */
    BufferedRequest(HttpServletRequest request, Map<String, List<String>> headers, byte[] body) {
        super(request);
        this.headers = headers;
        this.body = body;
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Length")
                || name.equalsIgnoreCase("Transfer-Encoding"));
        headers.put("Content-Length", List.of(Integer.toString(body.length)));
    }

    /** The same request with another body and more headers. */
    BufferedRequest with(byte[] newBody, Map<String, String> addedHeaders) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        addedHeaders.forEach((name, value) -> copy.put(name, List.of(value)));
        return new BufferedRequest((HttpServletRequest) getRequest(), copy, newBody);
    }

    byte[] body() {
        return body;
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
    public String getContentType() {
        return getHeader("Content-Type");
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
        ByteArrayInputStream in = new ByteArrayInputStream(looksGzipped(body) ? gzip(body) : body);
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

            /** WireMock reads every body this way: no 8 KB work buffers. */
            @Override
            public byte[] readAllBytes() {
                return in.readAllBytes();
            }
        };
    }

    private static boolean looksGzipped(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);      // in memory: does not happen
        }
        return out.toByteArray();
    }
}
