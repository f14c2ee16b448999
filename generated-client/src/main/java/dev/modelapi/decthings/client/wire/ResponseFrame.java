package dev.modelapi.decthings.client.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Decthings HTTP response body (docs/decthings-wire-format.md §4): no blob count, each blob carries its own length.
 *
 * <pre>
 *   varint      JSON length
 *   bytes       JSON (UTF-8): {"result": …} or {"error": …}
 *   repeated until the end of the body:
 *     varint    blob length
 *     bytes     blob
 * </pre>
 *
 * The mock server encodes these and the SDK decodes them.
 */
public final class ResponseFrame extends DecthingsFrame {

    /** A frame over the remaining bytes of {@code json} and of each blob (views, not copies). */
    public ResponseFrame(ByteBuffer json, List<ByteBuffer> blobs) {
        super(json, blobs);
    }

    /** A frame over the given arrays (not copied). */
    public static ResponseFrame of(byte[] json, List<byte[]> blobs) {
        return new ResponseFrame(ByteBuffer.wrap(json), wrapAll(blobs));
    }

    /** A frame over a JSON string and the given blob arrays (not copied). */
    public static ResponseFrame of(String json, byte[]... blobs) {
        return of(json.getBytes(StandardCharsets.UTF_8), List.of(blobs));
    }

    /** Decodes a whole body. The frame views {@code body}; it is not copied. */
    public static ResponseFrame decode(byte[] body) {
        return decode(ByteBuffer.wrap(body));
    }

    /** Decodes the remaining bytes of {@code body} (its position is not moved). The frame views them. */
    public static ResponseFrame decode(ByteBuffer body) {
        return decode(body, Integer.MAX_VALUE);
    }

    /**
     * Decodes the remaining bytes of {@code body}, refusing bodies larger than {@code maxBodySize}.
     *
     * @throws DecthingsFramingException on a truncated varint, a length larger than what remains, or an oversized
     *     body
     */
    public static ResponseFrame decode(ByteBuffer body, int maxBodySize) {
        ByteBuffer in = checkBodySize(body, maxBodySize);
        ByteBuffer json = take(in, Varint.readLength(in, "JSON length"));
        List<ByteBuffer> blobs = new ArrayList<>();
        while (in.hasRemaining()) {
            blobs.add(take(in, Varint.readLength(in, "Blob " + blobs.size() + " length")));
        }
        return new ResponseFrame(json, blobs);
    }

    /** Reads and decodes a whole body from a stream, refusing it once it exceeds {@code maxBodySize}. */
    public static ResponseFrame read(InputStream in, int maxBodySize) throws IOException {
        return decode(readBody(in, maxBodySize));
    }

    @Override
    int overheadSize() {
        int size = Varint.encodedLength(rawJson().remaining());
        for (ByteBuffer blob : rawBlobs()) {
            size += Varint.encodedLength(blob.remaining());
        }
        return size;
    }

    @Override
    void writeLayout(ByteBuffer out) {
        Varint.write(rawJson().remaining(), out);
        out.put(rawJson());
        for (ByteBuffer blob : rawBlobs()) {
            Varint.write(blob.remaining(), out);
            out.put(blob.duplicate());
        }
    }

    @Override
    void writeStream(OutputStream out) throws IOException {
        Varint.write(rawJson().remaining(), out);
        write(rawJson(), out);
        for (ByteBuffer blob : rawBlobs()) {
            Varint.write(blob.remaining(), out);
            write(blob, out);
        }
    }
}
