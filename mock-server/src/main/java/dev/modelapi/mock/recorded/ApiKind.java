package dev.modelapi.mock.recorded;

import dev.modelapi.spec.ModelApiSpec;

/** The two mocked APIs, as named in stub parameters and metadata. */
public enum ApiKind {
    DECTHINGS(ModelApiSpec.DECTHINGS),
    PIECES(ModelApiSpec.PIECES);

    private final ModelApiSpec spec;

    ApiKind(ModelApiSpec spec) {
        this.spec = spec;
    }

    public ModelApiSpec spec() {
        return spec;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ApiKind fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
