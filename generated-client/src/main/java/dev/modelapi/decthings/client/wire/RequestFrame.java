package dev.modelapi.decthings.client.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Decthings HTTP request body (docs/decthings-wire-format.md §3): all lengths first, then the bytes.
 *
 * <pre>
 *   u8          number of blobs N (0..255)
 *   varint      JSON length
 *   varint × N  blob lengths, in order
 *   bytes       JSON (UTF-8): the method's params object
 *   bytes × N   the blobs, concatenated
 * </pre>
 *
 * The SDK encodes these and the mock server decodes them.
 */
public final class RequestFrame extends DecthingsFrame {

    /** The blob count is a single byte on the wire. */
    public static final int MAX_BLOBS = 255;

    /**
     * A frame over the remaining bytes of {@code json} and of each blob (views, not copies).
     *
     * @throws DecthingsFramingException if there are more than {@value #MAX_BLOBS} blobs
     */
    public RequestFrame(ByteBuffer json, List<ByteBuffer> blobs) {
        super(json, blobs);
        if (blobs.size() > MAX_BLOBS) {
            throw new DecthingsFramingException("A request carries at most " + MAX_BLOBS + " blobs, got " + blobs.size());
        }
    }

    /** A frame over the given arrays (not copied). */
    public static RequestFrame of(byte[] json, List<byte[]> blobs) {
        return new RequestFrame(ByteBuffer.wrap(json), wrapAll(blobs));
    }

    /** A frame over a JSON string and the given blob arrays (not copied). */
    public static RequestFrame of(String json, byte[]... blobs) {
        return of(json.getBytes(StandardCharsets.UTF_8), List.of(blobs));
    }

    /** Decodes a whole body. The frame views {@code body}; it is not copied. */
    public static RequestFrame decode(byte[] body) {
        return decode(ByteBuffer.wrap(body));
    }

    /** Decodes the remaining bytes of {@code body} (its position is not moved). The frame views them. */
    public static RequestFrame decode(ByteBuffer body) {
        return decode(body, Integer.MAX_VALUE);
    }

    /**
     * Decodes the remaining bytes of {@code body}, refusing bodies larger than {@code maxBodySize}.
     *
     * @throws DecthingsFramingException on any malformation: truncated varint, a length larger than what remains,
     *     trailing bytes after the last blob or missing blob bytes, or an oversized body
     */
    public static RequestFrame decode(ByteBuffer body, int maxBodySize) {
        ByteBuffer in = checkBodySize(body, maxBodySize);
        if (!in.hasRemaining()) {
            throw new DecthingsFramingException("Empty request body: expected the blob count byte");
        }
        int blobCount = in.get() & 0xFF;
        int jsonLength = Varint.readLength(in, "JSON length");
        int[] blobLengths = new int[blobCount];
        long declared = jsonLength;
        for (int i = 0; i < blobCount; i++) {
            blobLengths[i] = Varint.readLength(in, "Blob " + i + " length");
            declared += blobLengths[i];
        }
        // Each length fits on its own; together they must cover the rest of the body exactly.
        if (declared > in.remaining()) {
            throw new DecthingsFramingException("Request declares " + blobCount + " blob(s) and " + declared
                    + " bytes of JSON and blobs, but only " + in.remaining() + " bytes follow the header"
                    + " (missing blob bytes)");
        }
        if (declared < in.remaining()) {
            throw new DecthingsFramingException("Request declares " + blobCount + " blob(s) and " + declared
                    + " bytes of JSON and blobs, but " + in.remaining() + " bytes follow the header"
                    + " (" + (in.remaining() - declared) + " trailing bytes: blob count mismatch?)");
        }
        ByteBuffer json = take(in, jsonLength);
        List<ByteBuffer> blobs = new ArrayList<>(blobCount);
        for (int length : blobLengths) {
            blobs.add(take(in, length));
        }
        return new RequestFrame(json, blobs);
    }

    /** Reads and decodes a whole body from a stream, refusing it once it exceeds {@code maxBodySize}. */
    public static RequestFrame read(InputStream in, int maxBodySize) throws IOException {
        return decode(readBody(in, maxBodySize));
    }

    @Override
    int overheadSize() {
        int size = 1 + Varint.encodedLength(rawJson().remaining());
        for (ByteBuffer blob : rawBlobs()) {
            size += Varint.encodedLength(blob.remaining());
        }
        return size;
    }

    @Override
    void writeLayout(ByteBuffer out) {
        writeHeader(out);
        out.put(rawJson());
        for (ByteBuffer blob : rawBlobs()) {
            out.put(blob.duplicate());
        }
    }

    @Override
    void writeStream(OutputStream out) throws IOException {
        // Here the overhead is exactly the header: every length comes before the JSON.
        ByteBuffer header = ByteBuffer.allocate(overheadSize());
        writeHeader(header);
        out.write(header.array());
        write(rawJson(), out);
        for (ByteBuffer blob : rawBlobs()) {
            write(blob, out);
        }
    }

    private void writeHeader(ByteBuffer out) {
        List<ByteBuffer> blobs = rawBlobs();
        out.put((byte) blobs.size());
        Varint.write(rawJson().remaining(), out);
        for (ByteBuffer blob : blobs) {
            Varint.write(blob.remaining(), out);
        }
    }
}
