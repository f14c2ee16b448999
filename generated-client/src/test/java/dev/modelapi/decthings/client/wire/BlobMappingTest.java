package dev.modelapi.decthings.client.wire;

import static dev.modelapi.decthings.client.wire.TestBytes.bytes;
import static dev.modelapi.decthings.client.wire.TestBytes.concat;
import static dev.modelapi.decthings.client.wire.TestBytes.hex;
import static dev.modelapi.decthings.client.wire.TestBytes.toHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.tensor.DecthingsMedia;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Split/join of every layout against the YAML fixture {@code blobmapping/fixture-openapi.yaml}. */
class BlobMappingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final DecthingsTensor T1 = DecthingsTensor.f32(new float[] {1.0f, 2.0f}, 2);
    static final DecthingsTensor T2 = DecthingsTensor.string(new String[] {"hi", "é"}, 2);
    static final DecthingsTensor T3 = DecthingsTensor.image(
            new DecthingsMedia[] {new DecthingsMedia("png", hex("89 50 4e 47"))});

    private static BlobMapping mapping;

    @BeforeAll
    static void loadFixture() throws IOException {
        try (InputStream in = BlobMappingTest.class.getResourceAsStream("/blobmapping/fixture-openapi.yaml")) {
            mapping = BlobMapping.fromYaml(in);
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static List<String> hexes(List<ByteBuffer> blobs) {
        return blobs.stream().map(b -> toHex(bytes(b))).toList();
    }

    /** Splits, checks the wire form, joins back and checks the logical document is restored. */
    static void assertRoundTrip(ObjectNode logical, boolean request, ObjectNode expectedWire, List<byte[]> expectedBlobs,
            OperationBlobs operation) {
        ObjectNode before = logical.deepCopy();
        OperationBlobs.Split split = request ? operation.splitRequest(logical) : operation.splitResponse(logical);

        assertThat(split.json()).isEqualTo(expectedWire);
        assertThat(hexes(split.blobs())).containsExactlyElementsOf(
                expectedBlobs.stream().map(TestBytes::toHex).toList());
        assertThat(logical).as("split leaves its input alone").isEqualTo(before);

        ObjectNode wireBefore = split.json().deepCopy();
        ObjectNode joined = request ? operation.joinRequest(split.json(), split.blobs())
                : operation.joinResponse(split.json(), split.blobs());
        assertThat(joined).isEqualTo(logical);
        assertThat(split.json()).as("join leaves its input alone").isEqualTo(wireBefore);
    }

    // ------------------------------------------------------------------ loading

    @Test
    void readsTheExtensionOfEveryModelOperation() {
        assertThat(mapping.methods()).containsExactly("createModel", "evaluate", "uploadState", "getModelState",
                "getTrainingMetrics", "twoFields", "getModels");
        assertThat(mapping.find("notMapped")).isEmpty();
        assertThat(mapping.forMethod("createModel").requestSources()).containsExactly(
                BlobSource.of("options.data", BlobLayout.BUFFER),
                BlobSource.of("options.initialState.params", BlobLayout.PARAMETER_PROVIDERS),
                BlobSource.keyed("options.initialState.data", "stateKeyNames"));
        assertThat(mapping.forMethod("getModels").requestSources()).isEmpty();
        assertThatThrownBy(() -> mapping.forMethod("ignored"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No operation /Model/ignored with x-decthings-blobs");
    }

    // ------------------------------------------------------------------ buffer

    @Test
    void bufferFieldBecomesOneBlob() {
        assertRoundTrip(
                json("{'name':'m','options':{'type':'upload','format':'onnx','data':'" + b64(hex("00 01 02")) + "'}}"),
                true,
                json("{'name':'m','options':{'type':'upload','format':'onnx'}}"),
                List.of(hex("00 01 02")),
                mapping.forMethod("createModel"));
    }

    @Test
    void absentBufferGivesNoBlobAndExtraBlobsAreRefused() {
        OperationBlobs createModel = mapping.forMethod("createModel");
        ObjectNode code = json("{'name':'m','options':{'type':'code','language':'python'}}");
        assertRoundTrip(code, true, code, List.of(), createModel);

        assertThatThrownBy(() -> createModel.joinRequest(code, List.of(ByteBuffer.wrap(hex("01")),
                        ByteBuffer.wrap(hex("02")))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("createModel request: the JSON calls for 0 blob(s) (1 if its 1 buffer/tensor field(s) are"
                        + " sent) but the frame carries 2");
    }

    // ------------------------------------------------------------------ parameterProviders

    @Test
    void inlineProvidersBecomeOneBlobEachAndDatasetProvidersStay() {
        ObjectNode logical = json("""
                {'name':'m','options':{'type':'basedOnModelSnapshot','initialState':{'method':'create','name':'s',
                  'params':[
                    {'name':'x','data':{'type':'data','data':['%s','%s']}},
                    {'name':'y','data':{'type':'dataset','datasetId':'d1','datasetKey':'k'}},
                    {'name':'z','data':{'type':'data','data':[]}}]}}}
                """.formatted(T1.toBase64(), T2.toBase64()));
        ObjectNode wire = json("""
                {'name':'m','options':{'type':'basedOnModelSnapshot','initialState':{'method':'create','name':'s',
                  'params':[
                    {'name':'x'},
                    {'name':'y','data':{'type':'dataset','datasetId':'d1','datasetKey':'k'}},
                    {'name':'z'}]}}}
                """);

        assertRoundTrip(logical, true, wire, List.of(concat(T1.serialize(), T2.serialize()), new byte[0]),
                mapping.forMethod("createModel"));
    }

    @Test
    void theEvaluateRequestOfTheReferenceFramesByteForByte() throws IOException {
        OperationBlobs evaluate = mapping.forMethod("evaluate");
        ObjectNode logical = json("{'modelId':'abc','params':[{'name':'input','data':{'type':'data','data':['"
                + T1.toBase64() + "']}}]}");

        OperationBlobs.Split split = evaluate.splitRequest(logical);
        byte[] body = new RequestFrame(ByteBuffer.wrap(MAPPER.writeValueAsBytes(split.json())), split.blobs()).encode();
        assertThat(toHex(body)).isEqualTo(toHex(RequestFrameTest.EVALUATE_FRAME));

        RequestFrame decoded = RequestFrame.decode(RequestFrameTest.EVALUATE_FRAME);
        ObjectNode wire = (ObjectNode) MAPPER.readTree(decoded.jsonBytes());
        assertThat(evaluate.joinRequest(wire, decoded.blobs())).isEqualTo(logical);
    }

    // ------------------------------------------------------------------ parameters

    @Test
    void outputParametersBecomeOneBlobEach() {
        ObjectNode logical = json("""
                {'result':{'success':{'executedOnLauncher':{'type':'temporary'},'output':[
                  {'name':'a','data':['%s','%s']},
                  {'name':'b','data':['%s']},
                  {'name':'c','data':[]}]}}}
                """.formatted(T1.toBase64(), T3.toBase64(), T2.toBase64()));
        ObjectNode wire = json("""
                {'result':{'success':{'executedOnLauncher':{'type':'temporary'},'output':[
                  {'name':'a'},{'name':'b'},{'name':'c'}]}}}
                """);

        assertRoundTrip(logical, false, wire,
                List.of(concat(T1.serialize(), T3.serialize()), T2.serialize(), new byte[0]),
                mapping.forMethod("evaluate"));
    }

    @Test
    void errorEnvelopesAndFailedResultsCarryNoBlobs() {
        OperationBlobs evaluate = mapping.forMethod("evaluate");
        ObjectNode error = json("{'error':{'code':'model_not_found'}}");
        ObjectNode failed = json("{'result':{'failed':{'error':{'code':'cancelled'}}}}");

        assertRoundTrip(error, false, error, List.of(), evaluate);
        assertRoundTrip(failed, false, failed, List.of(), evaluate);
    }

    @Test
    void aMessageWithoutBlobFieldsIsItsOwnLogicalDocumentAndStillRefusesBlobs() {
        OperationBlobs createModel = mapping.forMethod("createModel");
        ObjectNode wire = json("{'result':{'modelId':'m'}}");

        assertThat(createModel.joinResponse(wire, List.of())).isSameAs(wire);
        assertThatThrownBy(() -> createModel.joinResponse(wire, List.of(ByteBuffer.wrap(hex("01")))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("createModel response: the JSON calls for 0 blob(s) but the frame carries 1");
        // with blob fields the wire JSON stays as the caller had it
        ObjectNode evaluateWire = json("{'result':{'success':{'output':[{'name':'a'}]}}}");
        ObjectNode before = evaluateWire.deepCopy();
        ObjectNode logical = mapping.forMethod("evaluate").joinResponse(evaluateWire,
                List.of(ByteBuffer.wrap(T1.serialize())));
        assertThat(evaluateWire).isEqualTo(before);
        assertThat(logical).isNotEqualTo(before);
    }

    @Test
    void joinRefusesABlobCountThatDiffersFromTheParameters() {
        OperationBlobs evaluate = mapping.forMethod("evaluate");
        ObjectNode wire = json("{'result':{'success':{'output':[{'name':'a'},{'name':'b'}]}}}");
        ByteBuffer blob = ByteBuffer.wrap(T1.serialize());

        assertThatThrownBy(() -> evaluate.joinResponse(wire, List.of(blob)))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("evaluate response: the JSON calls for 2 blob(s) but the frame carries 1");
        assertThatThrownBy(() -> evaluate.joinResponse(wire, List.of(blob, blob, blob)))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("evaluate response: the JSON calls for 2 blob(s) but the frame carries 3");
        assertThatThrownBy(() -> evaluate.joinRequest(json("{'modelId':'m','params':[]}"), List.of(blob)))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("evaluate request: the JSON calls for 0 blob(s) but the frame carries 1");
    }

    @Test
    void joinRefusesABlobThatIsNotASequenceOfTensors() {
        ObjectNode wire = json("{'result':{'success':{'output':[{'name':'a'}]}}}");
        assertThatThrownBy(() -> mapping.forMethod("evaluate")
                        .joinResponse(wire, List.of(ByteBuffer.wrap(hex("01 01 02 00 00")))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessageStartingWith("evaluate response: blob 0 for result.success.output[0] is not a sequence of"
                        + " serialized tensors: f32 data of 2 element(s) needs 8 bytes");
    }

    // ------------------------------------------------------------------ keyedBuffers

    @Test
    void keyedBuffersBecomeKeyNamesAndOneBlobPerKey() {
        assertRoundTrip(
                json("{'modelId':'m','name':'s','data':[{'key':'w','data':'" + b64(hex("01 02 03"))
                        + "'},{'key':'b','data':''}]}"),
                true,
                json("{'modelId':'m','name':'s','stateKeyNames':['w','b']}"),
                List.of(hex("01 02 03"), new byte[0]),
                mapping.forMethod("uploadState"));

        assertRoundTrip(
                json("{'name':'m','options':{'type':'basedOnModelSnapshot','initialState':{'method':'upload',"
                        + "'name':'s','data':[{'key':'k','data':'" + b64(hex("aa")) + "'}]}}}"),
                true,
                json("{'name':'m','options':{'type':'basedOnModelSnapshot','initialState':{'method':'upload',"
                        + "'name':'s','stateKeyNames':['k']}}}"),
                List.of(hex("aa")),
                mapping.forMethod("createModel"));
    }

    @Test
    void theGetModelStateResponseOfTheReferenceFramesByteForByte() throws IOException {
        OperationBlobs getModelState = mapping.forMethod("getModelState");
        ObjectNode logical = json("{'result':{'data':[{'key':'w','data':'" + b64(hex("01 02 03")) + "'}]}}");

        OperationBlobs.Split split = getModelState.splitResponse(logical);
        byte[] body = new ResponseFrame(ByteBuffer.wrap(MAPPER.writeValueAsBytes(split.json())), split.blobs())
                .encode();
        assertThat(toHex(body)).isEqualTo(toHex(ResponseFrameTest.STATE_FRAME));

        ResponseFrame decoded = ResponseFrame.decode(ResponseFrameTest.STATE_FRAME);
        assertThat(getModelState.joinResponse((ObjectNode) MAPPER.readTree(decoded.jsonBytes()), decoded.blobs()))
                .isEqualTo(logical);
    }

    @Test
    void joinRefusesFewerBlobsThanKeys() {
        assertThatThrownBy(() -> mapping.forMethod("getModelState").joinResponse(
                        json("{'result':{'stateKeyNames':['a','b']}}"), List.of(ByteBuffer.wrap(hex("01")))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("getModelState response: the JSON calls for 2 blob(s) but the frame carries 1");
        assertThatThrownBy(() -> mapping.forMethod("getModelState").joinResponse(
                        json("{'result':{'stateKeyNames':'a'}}"), List.of()))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("getModelState response: result.stateKeyNames is not an array");
    }

    // ------------------------------------------------------------------ tensor, nested [] paths, order

    @Test
    void tensorFieldsUnderNestedArraysAreBlobsInDocumentOrder() {
        ObjectNode logical = json("""
                {'result':{'metrics':[
                  {'name':'loss','entries':[{'timestamp':1,'data':'%s'},{'timestamp':2,'data':'%s'}]},
                  {'name':'empty','entries':[]},
                  {'name':'acc','entries':[{'timestamp':3,'data':'%s'}]}]}}
                """.formatted(T1.toBase64(), T2.toBase64(), T3.toBase64()));
        ObjectNode wire = json("""
                {'result':{'metrics':[
                  {'name':'loss','entries':[{'timestamp':1},{'timestamp':2}]},
                  {'name':'empty','entries':[]},
                  {'name':'acc','entries':[{'timestamp':3}]}]}}
                """);

        assertRoundTrip(logical, false, wire, List.of(T1.serialize(), T2.serialize(), T3.serialize()),
                mapping.forMethod("getTrainingMetrics"));
    }

    @Test
    void aTensorBlobMustHoldExactlyOneTensor() {
        OperationBlobs metrics = mapping.forMethod("getTrainingMetrics");
        ObjectNode wire = json("{'result':{'metrics':[{'entries':[{'timestamp':1}]}]}}");

        assertThatThrownBy(() -> metrics.joinResponse(wire,
                        List.of(ByteBuffer.wrap(concat(T1.serialize(), T2.serialize())))))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("getTrainingMetrics response: blob 0 for result.metrics[0].entries[0].data should hold"
                        + " exactly one tensor, it holds 2");
        assertThatThrownBy(() -> metrics.splitResponse(json(
                        "{'result':{'metrics':[{'entries':[{'data':'" + b64(hex("01 02")) + "'}]}]}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("getTrainingMetrics response: result.metrics[0].entries[0].data is not a"
                        + " serialized DecthingsTensor");
    }

    @Test
    void wireOrderFollowsTheEntriesNotTheDocument() {
        ObjectNode logical = json("{'b':{'tensor':'" + T1.toBase64() + "'},'a':{'file':'" + b64(hex("aa")) + "'}}");

        assertRoundTrip(logical, true, json("{'b':{},'a':{}}"), List.of(hex("aa"), T1.serialize()),
                mapping.forMethod("twoFields"));
    }

    @Test
    void absentPathsContributeNoBlob() {
        OperationBlobs twoFields = mapping.forMethod("twoFields");
        assertRoundTrip(json("{'c':1}"), true, json("{'c':1}"), List.of(), twoFields);
        assertRoundTrip(json("{'a':'not an object','b':[1]}"), true, json("{'a':'not an object','b':[1]}"), List.of(),
                twoFields);
        assertRoundTrip(json("{'a':{'file':null}}"), true, json("{'a':{'file':null}}"), List.of(), twoFields);
        assertRoundTrip(json("{'modelId':'m'}"), true, json("{'modelId':'m'}"), List.of(), mapping.forMethod("evaluate"));
    }

    @Test
    void buffersSentForOnlySomeOfTheirSlotsCannotBeJoined() {
        // Both parents exist but only a.file was sent: on the wire both fields are just absent, so the one blob
        // cannot be assigned. The spec avoids this shape; the join says so instead of guessing.
        OperationBlobs twoFields = mapping.forMethod("twoFields");
        OperationBlobs.Split split = twoFields.splitRequest(json("{'a':{'file':'qg=='},'b':{}}"));
        assertThat(split.blobs()).hasSize(1);

        assertThatThrownBy(() -> twoFields.joinRequest(split.json(), split.blobs()))
                .isInstanceOf(DecthingsFramingException.class)
                .hasMessage("twoFields request: the JSON calls for 0 blob(s) (2 if its 2 buffer/tensor field(s) are"
                        + " sent) but the frame carries 1");
    }

    // ------------------------------------------------------------------ split input errors

    @Test
    void splitRefusesLogicalDocumentsThatDoNotFitTheLayout() {
        OperationBlobs evaluate = mapping.forMethod("evaluate");
        OperationBlobs createModel = mapping.forMethod("createModel");
        OperationBlobs uploadState = mapping.forMethod("uploadState");

        assertThatThrownBy(() -> createModel.splitRequest(json("{'options':{'data':'not base64!'}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("createModel request: options.data: invalid base64");
        assertThatThrownBy(() -> createModel.splitRequest(json("{'options':{'data':42}}")))
                .hasMessage("createModel request: options.data: expected a base64 string");
        assertThatThrownBy(() -> evaluate.splitRequest(json("{'params':[{'name':'x','data':{'type':'bogus'}}]}")))
                .hasMessage("evaluate request: params[0].data.type: expected \"data\" or \"dataset\", got \"bogus\"");
        assertThatThrownBy(() -> evaluate.splitRequest(json("{'params':[{'name':'x'}]}")))
                .hasMessage("evaluate request: params[0].data: expected an object with \"type\": \"data\" or \"dataset\"");
        assertThatThrownBy(() -> evaluate.splitRequest(json("{'params':{'name':'x'}}")))
                .hasMessage("evaluate request: params: expected an array");
        assertThatThrownBy(() -> evaluate.splitRequest(
                        json("{'params':[{'name':'x','data':{'type':'data','data':['" + b64(hex("63 00")) + "']}}]}")))
                .hasMessageStartingWith("evaluate request: params[0].data.data[0] is not a serialized DecthingsTensor");
        assertThatThrownBy(() -> evaluate.splitResponse(json("{'result':{'success':{'output':[{'name':'a'}]}}}")))
                .hasMessage("evaluate response: result.success.output[0].data: expected an array");
        assertThatThrownBy(() -> uploadState.splitRequest(
                        json("{'stateKeyNames':['w'],'data':[{'key':'w','data':''}]}")))
                .hasMessage("uploadState request: stateKeyNames: must not be set next to \"data\"; it is derived from it");
        assertThatThrownBy(() -> uploadState.splitRequest(json("{'data':[{'data':''}]}")))
                .hasMessage("uploadState request: data[0].key: expected a string");
    }
}
