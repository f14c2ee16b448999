package dev.modelapi.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A framed {@code evaluate} request carrying 10 MB of tensors: two parameters, each one f32 tensor of 1.25M elements
 * (5 MB). Encode = the SDK's path (DecthingsCodec.encodeRequest: logical JSON bytes with base64 tensors → readTree →
 * BlobMapping split → JSON bytes → RequestFrame.encode). Decode = the mock's path (RequestFrame.decode → readTree →
 * joinRequest back to the logical document). The "frameOnly" variants skip the JSON/base64 layer: JSON + blobs →
 * frame → blobs → tensors.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class EvaluateFrameBench {

    public static final int TENSOR_ELEMENTS = 1_250_000;
    public static final int PARAMS = 2;
    public static final long TENSOR_BYTES = (long) PARAMS * TENSOR_ELEMENTS * 4;

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    OperationBlobs evaluate;
    byte[] logicalJson;     // what the SDK's generated client hands to the codec
    byte[] framed;          // what goes over the wire
    byte[] wireJson;
    byte[][] tensorBytes;

    @Setup
    public void setup() throws IOException {
        evaluate = BlobMapping.load().forMethod("evaluate");
        Random random = new Random(42);
        ObjectNode logical = JSON.createObjectNode();
        logical.put("modelId", "8c4f2a6e-91d3-4b7a-a0e5-3f6d1c2b9e47");
        ArrayNode params = logical.putArray("params");
        tensorBytes = new byte[PARAMS][];
        for (int p = 0; p < PARAMS; p++) {
            float[] data = new float[TENSOR_ELEMENTS];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextFloat();
            }
            tensorBytes[p] = DecthingsTensor.f32(data, TENSOR_ELEMENTS).serialize();
            ObjectNode param = params.addObject();
            param.put("name", "input" + p);
            ObjectNode provider = param.putObject("data");
            provider.put("type", "data");
            provider.putArray("data").add(Base64.getEncoder().encodeToString(tensorBytes[p]));
        }
        logicalJson = JSON.writeValueAsBytes(logical);
        framed = sdkEncode();
        wireJson = RequestFrame.decode(framed).jsonBytes();
    }

    @Benchmark
    public byte[] sdkEncode() throws IOException {
        ObjectNode params = (ObjectNode) JSON.readTree(logicalJson);
        OperationBlobs.Split split = evaluate.splitRequest(params);
        return new RequestFrame(ByteBuffer.wrap(JSON.writeValueAsBytes(split.json())), split.blobs()).encode();
    }

    @Benchmark
    public ObjectNode mockDecode() throws IOException {
        RequestFrame frame = RequestFrame.decode(framed);
        ObjectNode wire = (ObjectNode) JSON.readTree(frame.jsonBytes());
        return evaluate.joinRequest(wire, frame.blobs());
    }

    @Benchmark
    public byte[] frameOnlyEncode() {
        return RequestFrame.of(wireJson, List.of(tensorBytes)).encode();
    }

    @Benchmark
    public int frameOnlyDecode() {
        RequestFrame frame = RequestFrame.decode(framed);
        int n = 0;
        for (ByteBuffer blob : frame.blobs()) {
            for (DecthingsTensor t : DecthingsTensor.deserializeMany(blob)) {
                n += t.numel();
            }
        }
        return n;
    }
}
