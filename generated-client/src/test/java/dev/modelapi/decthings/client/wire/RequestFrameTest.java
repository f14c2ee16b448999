package dev.modelapi.decthings.client.wire;

import static dev.modelapi.decthings.client.wire.TestBytes.bytes;
import static dev.modelapi.decthings.client.wire.TestBytes.concat;
import static dev.modelapi.decthings.client.wire.TestBytes.hex;
import static dev.modelapi.decthings.client.wire.TestBytes.toHex;
import static dev.modelapi.decthings.client.wire.TestBytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFrameTest {

    /** docs/decthings-wire-format.md §3: Model/evaluate with one inline f32 tensor [1.0, 2.0]. */
    static final String EVALUATE_JSON = "{\"modelId\":\"abc\",\"params\":[{\"name\":\"input\"}]}";
    static final byte[] F32_TENSOR = hex("01 01 02 00 00 80 3f 00 00 00 40");
    static final byte[] EVALUATE_FRAME = concat(hex("01 2d 0b"), utf8(EVALUATE_JSON), F32_TENSOR);

    @Test
    void encodesTheEvaluateExampleOfTheReference() {
        assertThat(utf8(EVALUATE_JSON)).hasSize(45);

        RequestFrame frame = RequestFrame.of(EVALUATE_JSON, F32_TENSOR);

        assertThat(toHex(frame.encode())).isEqualTo(toHex(EVALUATE_FRAME));
        assertThat(frame.encodedSize()).isEqualTo(EVALUATE_FRAME.length);
    }

    @Test
    void decodesTheEvaluateExampleOfTheReference() {
        RequestFrame frame = RequestFrame.decode(EVALUATE_FRAME);

        assertThat(frame.jsonString()).isEqualTo(EVALUATE_JSON);
        assertThat(frame.blobCount()).isEqualTo(1);
        assertThat(toHex(frame.blobBytes(0))).isEqualTo(toHex(F32_TENSOR));
        assertThat(frame).isEqualTo(RequestFrame.of(EVALUATE_JSON, F32_TENSOR));
    }

    @Test
    void encodesZeroBlobs() {
        assertThat(toHex(RequestFrame.of("{}").encode())).isEqualTo("00 02 7b 7d");
        assertThat(RequestFrame.decode(hex("00 02 7b 7d")).blobs()).isEmpty();
    }

    @Test
    void roundTripsEmptyAndLargeBlobsInOrder() {
        byte[] big = new byte[70_000]; // needs the 0xFE varint form
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        RequestFrame frame = RequestFrame.of(utf8("{\"a\":1}"), List.of(new byte[0], big, hex("ff")));

        byte[] encoded = frame.encode();
        assertThat(toHex(java.util.Arrays.copyOf(encoded, 10))).isEqualTo("03 07 00 fe 00 01 11 70 01 7b");

        RequestFrame decoded = RequestFrame.decode(encoded);
        assertThat(decoded).isEqualTo(frame);
        assertThat(decoded.blobBytes(0)).isEmpty();
        assertThat(decoded.blobBytes(1)).isEqualTo(big);
        assertThat(decoded.blobBytes(2)).containsExactly(0xff);
    }

    @Test
    void allThreeOutputsAgree() throws IOException {
        RequestFrame frame = RequestFrame.of("{\"x\":true}", hex("01 02"), hex("03"));
        byte[] encoded = frame.encode();

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame.writeTo(stream);
        ByteBuffer direct = ByteBuffer.allocateDirect(encoded.length + 2);
        direct.put((byte) 9);
        frame.encodeTo(direct);

        assertThat(stream.toByteArray()).isEqualTo(encoded);
        assertThat(direct.position()).isEqualTo(encoded.length + 1);
        direct.flip().position(1);
        assertThat(bytes(direct)).isEqualTo(encoded);
    }

    @Test
    void streamsFramesBuiltOnDirectBuffers() throws IOException {
        ByteBuffer blob = ByteBuffer.allocateDirect(20_000);
        for (int i = 0; i < blob.capacity(); i++) {
            blob.put(i, (byte) (i * 7));
        }
        RequestFrame frame = new RequestFrame(ByteBuffer.wrap(utf8("{}")), List.of(blob));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame.writeTo(stream);

        assertThat(stream.toByteArray()).isEqualTo(frame.encode());
        assertThat(RequestFrame.decode(stream.toByteArray()).blob(0)).isEqualTo(blob);
    }

    @Test
    void acceptsExactly255Blobs() {
        List<byte[]> blobs = new ArrayList<>(Collections.nCopies(255, hex("aa")));
        RequestFrame frame = RequestFrame.of(utf8("{}"), blobs);
        assertThat(frame.encode()[0]).isEqualTo((byte) 0xff);
        assertThat(RequestFrame.decode(frame.encode()).blobCount()).isEqualTo(255);

        blobs.add(hex("bb"));
        assertThatThrownBy(() -> RequestFrame.of(utf8("{}"), blobs))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("A request carries at most 255 blobs, got 256");
    }

    @Test
    void decodedFramesViewTheBodyAndHandOutReadOnlyViews() {
        byte[] body = EVALUATE_FRAME.clone();
        ByteBuffer buffer = ByteBuffer.wrap(body);
        RequestFrame frame = RequestFrame.decode(buffer);

        assertThat(buffer.position()).isZero();
        body[body.length - 1] = 0x41; // zero-copy: the frame sees the body's bytes
        assertThat(frame.blobBytes(0)[10]).isEqualTo((byte) 0x41);

        ByteBuffer view = frame.blob(0);
        assertThat(view.isReadOnly()).isTrue();
        assertThatThrownBy(() -> view.put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
        view.position(5); // consumers moving their view do not move the frame's
        assertThat(frame.blob(0).position()).isZero();
        assertThat(frame.json().remaining()).isEqualTo(45);
    }

    @Test
    void decodesTheRemainingBytesOfABufferAtAnOffset() {
        ByteBuffer buffer = ByteBuffer.wrap(concat(hex("ee ee"), EVALUATE_FRAME, hex("ee")));
        buffer.position(2).limit(2 + EVALUATE_FRAME.length);

        assertThat(RequestFrame.decode(buffer).jsonString()).isEqualTo(EVALUATE_JSON);
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> RequestFrame.decode(new byte[0]))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessageContaining("Empty request body");
    }

    @Test
    void rejectsTrailingBytesAfterTheLastBlob() {
        // Declares one 1-byte blob, but two bytes follow the JSON: the sender meant two blobs.
        byte[] body = concat(hex("01 02 01"), utf8("{}"), hex("aa bb"));
        assertThatThrownBy(() -> RequestFrame.decode(body))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("Request declares 1 blob(s) and 3 bytes of JSON and blobs, but 4 bytes follow the header"
                        + " (1 trailing bytes: blob count mismatch?)");
    }

    @Test
    void rejectsMissingBlobBytes() {
        byte[] body = concat(hex("02 02 02 02"), utf8("{}"), hex("aa bb cc"));
        assertThatThrownBy(() -> RequestFrame.decode(body))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessageContaining("missing blob bytes");
    }

    @Test
    void rejectsABlobCountLargerThanTheLengthsThatFollow() {
        // Says 3 blobs, but the header holds only one length before the JSON starts; '{' (0x7b) then reads as a
        // length and the sums no longer match.
        byte[] body = concat(hex("03 02 01"), utf8("{}"), hex("aa"));
        assertThatThrownBy(() -> RequestFrame.decode(body)).isInstanceOf(DecthingsFramingException.class);
    }

    @Test
    void rejectsLengthsLargerThanTheBody() {
        assertThatThrownBy(() -> RequestFrame.decode(concat(hex("00 05"), utf8("{}"))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("JSON length 5 is larger than the 2 bytes that remain");
        assertThatThrownBy(() -> RequestFrame.decode(hex("01 00 ff 40 00 00 00 00 00 00 00 aa")))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("Blob 0 length 4611686018427387904 is larger than the 1 bytes that remain");
    }

    @Test
    void rejectsATruncatedHeaderVarint() {
        assertThatThrownBy(() -> RequestFrame.decode(hex("01 fe 00 00")))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessageStartingWith("Truncated varint");
    }

    @Test
    void enforcesAMaximumBodySize() throws IOException {
        assertThat(RequestFrame.decode(ByteBuffer.wrap(EVALUATE_FRAME), EVALUATE_FRAME.length).blobCount())
                .isEqualTo(1);
        assertThatThrownBy(() -> RequestFrame.decode(ByteBuffer.wrap(EVALUATE_FRAME), 40))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("Body of 59 bytes is larger than the maximum of 40 bytes");

        assertThat(RequestFrame.read(new ByteArrayInputStream(EVALUATE_FRAME), 59).jsonString())
                .isEqualTo(EVALUATE_JSON);
        assertThatThrownBy(() -> RequestFrame.read(new ByteArrayInputStream(EVALUATE_FRAME), 58))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("Body is larger than the maximum of 58 bytes");
    }

    @Test
    void framesWithTheSameContentAreEqualOnlyWithinTheirKind() {
        RequestFrame request = RequestFrame.of("{}", hex("01"));
        assertThat(request).isEqualTo(RequestFrame.of("{}", hex("01"))).hasSameHashCodeAs(RequestFrame.of("{}", hex("01")));
        assertThat(request).isNotEqualTo(RequestFrame.of("{}", hex("02")));
        assertThat((Object) request).isNotEqualTo(ResponseFrame.of("{}", hex("01")));
        assertThat(request.toString()).isEqualTo("RequestFrame{json={}, blobSizes=[1]}");
    }
}
