package dev.modelapi.decthings.client.wire;

/**
 * How the field at a blob source's path turns into blobs (spec/README.md, "x-decthings-blobs").
 */
public enum BlobLayout {
    /** A base64 string; on the wire the field is removed and its bytes are one blob. */
    BUFFER("buffer"),
    /** A base64 string holding one serialized DecthingsTensor; removed, one blob. */
    TENSOR("tensor"),
    /**
     * A {@code DecthingsParameterProvider[]}: each provider whose {@code data.type} is {@code data} loses its
     * {@code data} and contributes one blob (its tensors concatenated); dataset providers stay and carry no blob.
     */
    PARAMETER_PROVIDERS("parameterProviders"),
    /** A {@code DecthingsParameter[]}: each element loses its {@code data} and contributes one blob (its tensors). */
    PARAMETERS("parameters"),
    /**
     * A {@code {key, data}[]}: the array is replaced by the sibling key-names field holding the keys, one blob per
     * element.
     */
    KEYED_BUFFERS("keyedBuffers");

    private final String wireName;

    BlobLayout(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in {@code x-decthings-blobs}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The layout named {@code name} in {@code x-decthings-blobs}.
     *
     * @throws IllegalArgumentException for unknown names
     */
    public static BlobLayout fromWireName(String name) {
        for (BlobLayout layout : values()) {
            if (layout.wireName.equals(name)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("Unknown blob layout \"" + name + "\"");
    }
}
