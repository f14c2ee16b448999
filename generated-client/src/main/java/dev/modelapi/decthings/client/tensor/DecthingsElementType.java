package dev.modelapi.decthings.client.tensor;

import java.util.Optional;

/**
 * The element types of a {@link DecthingsTensor}, with their wire code (the first byte of a serialized tensor) and
 * their JSON name (docs/decthings-wire-format.md §5).
 */
public enum DecthingsElementType {
    F32(1, "f32", 4),
    F64(2, "f64", 8),
    I8(3, "i8", 1),
    I16(4, "i16", 2),
    I32(5, "i32", 4),
    I64(6, "i64", 8),
    U8(7, "u8", 1),
    U16(8, "u16", 2),
    U32(9, "u32", 4),
    U64(10, "u64", 8),
    STRING(11, "string", 0),
    BINARY(12, "binary", 0),
    BOOLEAN(13, "boolean", 1),
    IMAGE(14, "image", 0),
    AUDIO(15, "audio", 0),
    VIDEO(16, "video", 0);

    private static final DecthingsElementType[] BY_CODE = new DecthingsElementType[17];

    static {
        for (DecthingsElementType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final String jsonName;
    private final int elementSize;

    DecthingsElementType(int code, String jsonName, int elementSize) {
        this.code = code;
        this.jsonName = jsonName;
        this.elementSize = elementSize;
    }

    /** The type byte of the binary format, 1..16. */
    public int code() {
        return code;
    }

    /** The lowercase name used in JSON documents ({@code f32} … {@code video}). */
    public String jsonName() {
        return jsonName;
    }

    /** True for types whose elements all have the same byte size (numbers and boolean). */
    public boolean isFixedSize() {
        return elementSize > 0;
    }

    /**
     * Bytes per element of a fixed-size type.
     *
     * @throws IllegalStateException for string, binary and media types, whose elements are length-prefixed
     */
    public int elementSize() {
        if (elementSize == 0) {
            throw new IllegalStateException(jsonName + " elements have no fixed size");
        }
        return elementSize;
    }

    /** True for image, audio and video, whose elements are {@link DecthingsMedia}. */
    public boolean isMedia() {
        return this == IMAGE || this == AUDIO || this == VIDEO;
    }

    /** The type with wire code {@code code}, if any. */
    public static Optional<DecthingsElementType> forCode(int code) {
        return code > 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    /**
     * The type with JSON name {@code name}.
     *
     * @throws IllegalArgumentException if no type has that name
     */
    public static DecthingsElementType fromJsonName(String name) {
        for (DecthingsElementType type : values()) {
            if (type.jsonName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown Decthings element type \"" + name + "\"");
    }
}
