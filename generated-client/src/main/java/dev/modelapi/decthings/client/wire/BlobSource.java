package dev.modelapi.decthings.client.wire;

import java.util.Objects;
import java.util.Optional;

/** One entry of {@code x-decthings-blobs.request} or {@code .response}: where binary data sits and how it travels. */
public final class BlobSource {

    private final String path;
    private final BlobLayout layout;
    private final String keyNamesField;
    private final BlobPath parsed;

    /**
     * @param path the field in the logical JSON document, dot-separated, {@code []} = every array element
     * @param layout how the field becomes blobs
     * @param keyNamesField the sibling that holds the keys on the wire; required for {@link BlobLayout#KEYED_BUFFERS}
     *     and only allowed there
     * @throws IllegalArgumentException if the path is malformed or {@code keyNamesField} does not fit the layout
     */
    public BlobSource(String path, BlobLayout layout, String keyNamesField) {
        this.path = Objects.requireNonNull(path, "path");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.parsed = BlobPath.parse(path);
        boolean keyed = layout == BlobLayout.KEYED_BUFFERS;
        if (keyed && (keyNamesField == null || keyNamesField.isEmpty())) {
            throw new IllegalArgumentException("Blob source \"" + path + "\": layout keyedBuffers needs keyNamesField");
        }
        if (!keyed && keyNamesField != null) {
            throw new IllegalArgumentException("Blob source \"" + path + "\": keyNamesField is only for keyedBuffers, not "
                    + layout.wireName());
        }
        if (keyed && keyNamesField.equals(parsed.field())) {
            throw new IllegalArgumentException("Blob source \"" + path + "\": keyNamesField must differ from the field");
        }
        this.keyNamesField = keyNamesField;
    }

    /** A source of any layout but {@link BlobLayout#KEYED_BUFFERS}. */
    public static BlobSource of(String path, BlobLayout layout) {
        return new BlobSource(path, layout, null);
    }

    /** A {@link BlobLayout#KEYED_BUFFERS} source. */
    public static BlobSource keyed(String path, String keyNamesField) {
        return new BlobSource(path, BlobLayout.KEYED_BUFFERS, keyNamesField);
    }

    public String path() {
        return path;
    }

    public BlobLayout layout() {
        return layout;
    }

    public Optional<String> keyNamesField() {
        return Optional.ofNullable(keyNamesField);
    }

    BlobPath parsedPath() {
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobSource other && path.equals(other.path) && layout == other.layout
                && Objects.equals(keyNamesField, other.keyNamesField);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, layout, keyNamesField);
    }

    @Override
    public String toString() {
        return path + " (" + layout.wireName() + (keyNamesField == null ? "" : ", keyNamesField=" + keyNamesField) + ")";
    }
}
