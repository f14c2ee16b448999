package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.spec.Api;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body over the cap with 413 in the API's error shape before anything is forwarded or buffered
 * by WireMock: a declared Content-Length is judged before a byte is read; a chunked body is read up to the cap
 * and handed on from that buffer (as is an HTTP/2 body without a length). A servlet filter, not a WireMock request filter: WireMock copies every request
 * once more when any request filter exists. Bodies pass through unchanged (no un-gzipping: the proxy is transparent).
 */
final class BodyCapFilter implements Filter {

    private final long maxBodyBytes;

    BodyCapFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = http.getContentLengthLong();
        if (declared > maxBodyBytes) {
            refuse(http, httpResponse, declared + " bytes");
            return;
        }
        if (declared < 0) {
            // no length: HTTP/1.1 chunked, or an HTTP/2 stream (which has no Transfer-Encoding header)
            byte[] body = http.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                refuse(http, httpResponse, "more than " + maxBodyBytes + " bytes");
                return;
            }
            chain.doFilter(body.length == 0 ? request : new Buffered(http, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String size) throws IOException {
        Api api = Routes.apiOf(request.getRequestURI());
        GatewayErrors.GatewayError error = GatewayErrors.of(api, 413, "body-too-large", "The request body has "
                + size + "; the modelapi proxy forwards at most " + maxBodyBytes + " (--max-body-bytes).");
        response.setStatus(413);
        response.setHeader("Content-Type", error.contentType());
        response.setHeader(GatewayErrors.HEADER, error.kind());
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.getOutputStream().write(error.body());
    }

    /** A chunked request whose body was read here. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
