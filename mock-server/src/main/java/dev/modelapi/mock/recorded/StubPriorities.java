package dev.modelapi.mock.recorded;

/**
 * WireMock priorities of the mock's stubs (lower wins). User mappings without a priority get WireMock's default 5,
 * so they beat the mock's default answers but not an explicit {@code Prefer} choice.
 */
public final class StubPriorities {

    public static final int PREFER_EXAMPLE = 1;
    public static final int PREFER_CODE = 2;
    public static final int RECORDED_DEFAULT = 8;
    public static final int DECTHINGS_CATCH_ALL = 9;
    public static final int PIECES_CATCH_ALL = 10;

    private StubPriorities() {
    }

    public static int of(StubKind kind) {
        return switch (kind) {
            case EXAMPLE -> PREFER_EXAMPLE;
            case CODE -> PREFER_CODE;
            case DEFAULT -> RECORDED_DEFAULT;
        };
    }
}
