package dev.modelapi.decthings.client;

/** How {@link DecthingsClient} encodes the body of each call. */
public enum Transport {

    /**
     * The binary framing that api.decthings.com and the official clients speak ({@code application/octet-stream}):
     * the JSON params without their binary fields, followed by the Buffers and tensors as length-prefixed blobs, as
     * the operation's {@code x-decthings-blobs} says. The default.
     */
    BINARY,

    /**
     * The logical {@code application/json} document of the spec, with Buffers and tensors inline as base64. Spoken by
     * this kit's mock server; handy for debugging with plain HTTP tools.
     */
    JSON
}
