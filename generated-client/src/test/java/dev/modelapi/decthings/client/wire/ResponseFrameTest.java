package dev.modelapi.decthings.client.wire;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseFrameTest {

    /** docs/decthings-wire-format.md §4: getModelState result with one key. */
    static final String STATE_JSON = "{\"result\":{\"stateKeyNames\":[\"w\"]}}";
    static final byte[] STATE_FRAME = concat(hex("22"), utf8(STATE_JSON), hex("03 01 02 03"));

    @Test
    void encodesTheGetModelStateExampleOfTheReference() {
        assertThat(utf8(STATE_JSON)).hasSize(0x22);

        ResponseFrame frame = ResponseFrame.of(STATE_JSON, hex("01 02 03"));

        assertThat(toHex(frame.encode())).isEqualTo(toHex(STATE_FRAME));
        assertThat(frame.encodedSize()).isEqualTo(STATE_FRAME.length);
    }

    @Test
    void decodesTheGetModelStateExampleOfTheReference() {
        ResponseFrame frame = ResponseFrame.decode(STATE_FRAME);

        assertThat(frame.jsonString()).isEqualTo(STATE_JSON);
        assertThat(frame.blobCount()).isEqualTo(1);
        assertThat(frame.blobBytes(0)).containsExactly(1, 2, 3);
    }

    @Test
    void aBodyWithOnlyJsonHasNoBlobs() {
        ResponseFrame frame = ResponseFrame.decode(concat(hex("02"), utf8("{}")));
        assertThat(frame.jsonString()).isEqualTo("{}");
        assertThat(frame.blobs()).isEmpty();
    }

    @Test
    void anEmptyLastBlobStillCounts() {
        ResponseFrame frame = ResponseFrame.of("{}", hex("aa"), new byte[0]);
        byte[] encoded = frame.encode();

        assertThat(toHex(encoded)).isEqualTo("02 7b 7d 01 aa 00");
        assertThat(ResponseFrame.decode(encoded)).isEqualTo(frame);
        assertThat(ResponseFrame.decode(encoded).blobCount()).isEqualTo(2);
    }

    @Test
    void responsesHaveNoBlobCountLimit() throws IOException {
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            blobs.add(new byte[] {(byte) i});
        }
        ResponseFrame frame = ResponseFrame.of(utf8("{\"result\":{}}"), blobs);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame.writeTo(stream);

        assertThat(stream.toByteArray()).isEqualTo(frame.encode());
        ResponseFrame decoded = ResponseFrame.decode(stream.toByteArray());
        assertThat(decoded.blobCount()).isEqualTo(300);
        assertThat(decoded.blobBytes(299)).containsExactly((byte) 299);
    }

    @Test
    void roundTripsLargeJsonAndBlobs() {
        String json = "{\"result\":\"" + "x".repeat(300) + "\"}";
        byte[] blob = new byte[66_000];
        blob[65_999] = 7;
        ResponseFrame frame = ResponseFrame.of(json, blob);
        byte[] encoded = frame.encode();

        assertThat(toHex(java.util.Arrays.copyOf(encoded, 3))).isEqualTo("fd 01 39");
        assertThat(ResponseFrame.decode(encoded)).isEqualTo(frame);
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> ResponseFrame.decode(new byte[0]))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessageStartingWith("Truncated varint");
    }

    @Test
    void rejectsAJsonLengthLargerThanTheBody() {
        assertThatThrownBy(() -> ResponseFrame.decode(concat(hex("30"), utf8("{}"))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("JSON length 48 is larger than the 2 bytes that remain");
    }

    @Test
    void rejectsABlobThatRunsPastTheEnd() {
        assertThatThrownBy(() -> ResponseFrame.decode(concat(hex("02"), utf8("{}"), hex("04 01 02 03"))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("Blob 0 length 4 is larger than the 3 bytes that remain");
    }

    @Test
    void rejectsATruncatedBlobLength() {
        assertThatThrownBy(() -> ResponseFrame.decode(concat(hex("02"), utf8("{}"), hex("01 aa fd 01"))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("Truncated varint: prefix 0xfd needs 3 bytes, only 2 remain");
    }

    @Test
    void rejectsA2To62LengthQuickly() {
        byte[] body = concat(hex("ff 40 00 00 00 00 00 00 00"), utf8("{}"));
        assertThatThrownBy(() -> ResponseFrame.decode(body))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("JSON length 4611686018427387904 is larger than the 2 bytes that remain");
    }

    @Test
    void enforcesAMaximumBodySize() {
        assertThatThrownBy(() -> ResponseFrame.decode(ByteBuffer.wrap(STATE_FRAME), 10))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessageContaining("larger than the maximum of 10 bytes");
        assertThatThrownBy(() -> ResponseFrame.read(new ByteArrayInputStream(STATE_FRAME), 10))
                .isInstanceOf(DecthingsFramingException.class);
    }
}
