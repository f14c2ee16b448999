package dev.modelapi.mock.decthings;

/** A request that passed validation but cannot be read into the server model; answered as invalid_parameter. */
public final class RequestMappingException extends RuntimeException {

    private final String field;

    public RequestMappingException(String field, String reason, Throwable cause) {
        super(reason, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
