package dev.modelapi.decthings.client.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A framed Decthings HTTP body: the JSON document and the blobs that travel next to it. {@link RequestFrame} and
 * {@link ResponseFrame} differ only in how they lay these out on the wire.
 *
 * <p>Frames are zero-copy: the JSON and the blobs are views of the buffers they were built or decoded from (a decoded
 * frame keeps the whole body alive and must not see the body modified afterwards). Every accessor hands out a
 * read-only view or a copy, so a frame cannot be changed through it.
 */
public abstract sealed class DecthingsFrame permits RequestFrame, ResponseFrame {

    private static final int COPY_CHUNK = 8192;

    // Writable slices (position 0) so that heap arrays stay reachable for OutputStream.write without a copy.
    private final ByteBuffer json;
    private final List<ByteBuffer> blobs;

    DecthingsFrame(ByteBuffer json, List<ByteBuffer> blobs) {
        if (json == null || blobs == null) {
            throw new NullPointerException("json and blobs are required");
        }
        this.json = json.slice();
        List<ByteBuffer> views = new ArrayList<>(blobs.size());
        for (ByteBuffer blob : blobs) {
            if (blob == null) {
                throw new NullPointerException("blob " + views.size() + " is null");
            }
            views.add(blob.slice());
        }
        this.blobs = Collections.unmodifiableList(views);
    }

    static List<ByteBuffer> wrapAll(List<byte[]> arrays) {
        List<ByteBuffer> out = new ArrayList<>(arrays.size());
        for (byte[] a : arrays) {
            out.add(ByteBuffer.wrap(a));
        }
        return out;
    }

    /** The JSON bytes (UTF-8) as a read-only view, position 0. */
    public ByteBuffer json() {
        return json.asReadOnlyBuffer();
    }

    /** A copy of the JSON bytes (UTF-8). */
    public byte[] jsonBytes() {
        return copyOf(json);
    }

    /** The JSON decoded as UTF-8. */
    public String jsonString() {
        return StandardCharsets.UTF_8.decode(json.duplicate()).toString();
    }

    /** The blobs in wire order, each a read-only view with position 0. */
    public List<ByteBuffer> blobs() {
        List<ByteBuffer> out = new ArrayList<>(blobs.size());
        for (ByteBuffer blob : blobs) {
            out.add(blob.asReadOnlyBuffer());
        }
        return Collections.unmodifiableList(out);
    }

    public int blobCount() {
        return blobs.size();
    }

    /** Blob {@code index} as a read-only view, position 0. */
    public ByteBuffer blob(int index) {
        return blobs.get(index).asReadOnlyBuffer();
    }

    /** A copy of blob {@code index}. */
    public byte[] blobBytes(int index) {
        return copyOf(blobs.get(index));
    }

    /** Exact size of {@link #encode()}, computed without encoding. */
    public final long encodedSize() {
        long size = overheadSize() + json.remaining();
        for (ByteBuffer blob : blobs) {
            size += blob.remaining();
        }
        return size;
    }

    /**
     * Encodes the frame into a new array of exactly {@link #encodedSize()} bytes.
     *
     * @throws DecthingsFramingException if the frame is larger than a Java array can be
     */
    public final byte[] encode() {
        long size = encodedSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new DecthingsFramingException("Frame of " + size + " bytes does not fit in one array; use writeTo");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        encodeTo(out);
        return out.array();
    }

    /**
     * Writes the frame at the buffer's position and advances it.
     *
     * @throws java.nio.BufferOverflowException if fewer than {@link #encodedSize()} bytes remain
     */
    public final void encodeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        writeLayout(out);
    }

    /** Streams the frame; heap buffers are written without an intermediate copy. */
    public final void writeTo(OutputStream out) throws IOException {
        writeStream(out);
    }

    /** All bytes of the encoding that are neither JSON nor blob: the blob count byte and the length varints. */
    abstract int overheadSize();

    /** Writes the whole frame into a buffer known to be large enough. */
    abstract void writeLayout(ByteBuffer out);

    abstract void writeStream(OutputStream out) throws IOException;

    ByteBuffer rawJson() {
        return json.duplicate();
    }

    List<ByteBuffer> rawBlobs() {
        return blobs;
    }

    static ByteBuffer take(ByteBuffer in, int length) {
        ByteBuffer slice = in.slice();
        slice.limit(length);
        in.position(in.position() + length);
        return slice;
    }

    static void write(ByteBuffer data, OutputStream out) throws IOException {
        ByteBuffer b = data.duplicate();
        if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            return;
        }
        byte[] chunk = new byte[Math.min(COPY_CHUNK, b.remaining())];
        while (b.hasRemaining()) {
            int n = Math.min(chunk.length, b.remaining());
            b.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    /**
     * Reads a whole body from a stream, refusing it as soon as it exceeds {@code maxBodySize} instead of buffering
     * an arbitrarily large upload first.
     */
    static ByteBuffer readBody(InputStream in, int maxBodySize) throws IOException {
        if (maxBodySize < 0) {
            throw new IllegalArgumentException("maxBodySize must be >= 0");
        }
        byte[] body = in.readNBytes(maxBodySize == Integer.MAX_VALUE ? maxBodySize - 8 : maxBodySize);
        if (in.read() != -1) {
            throw new DecthingsFramingException("Body is larger than the maximum of " + maxBodySize + " bytes");
        }
        return ByteBuffer.wrap(body);
    }

    static ByteBuffer checkBodySize(ByteBuffer body, int maxBodySize) {
        if (body.remaining() > maxBodySize) {
            throw new DecthingsFramingException("Body of " + body.remaining()
                    + " bytes is larger than the maximum of " + maxBodySize + " bytes");
        }
        return body.duplicate();
    }

    static byte[] copyOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        DecthingsFrame other = (DecthingsFrame) o;
        return json.equals(other.json) && blobs.equals(other.blobs);
    }

    @Override
    public int hashCode() {
        return 31 * json.hashCode() + blobs.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("{json=");
        String text = jsonString();
        sb.append(text.length() > 200 ? text.substring(0, 200) + "…" : text).append(", blobSizes=[");
        for (int i = 0; i < blobs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(blobs.get(i).remaining());
        }
        return sb.append("]}").toString();
    }
}
