package dev.modelapi.decthings.client.tensor;

import dev.modelapi.decthings.client.wire.DecthingsFramingException;

/**
 * Bytes that claim to be a serialized {@link DecthingsTensor} are malformed: unknown type code, truncated header or
 * data, element count overflow, element lengths past the end.
 *
 * <p>A framing exception, because a tensor is always read out of a blob: whoever handles bad frames handles this too.
 */
public class DecthingsTensorFormatException extends DecthingsFramingException {

    private static final long serialVersionUID = 1L;

    public DecthingsTensorFormatException(String message) {
        super(message);
    }
}
