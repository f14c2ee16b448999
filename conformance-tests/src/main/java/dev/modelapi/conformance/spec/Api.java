package dev.modelapi.conformance.spec;

import dev.modelapi.spec.ModelApiSpec;

import java.util.Locale;

/** The two APIs of the kit, each with its spec document. */
public enum Api {
    DECTHINGS("decthings", "Decthings Model API", ModelApiSpec.DECTHINGS),
    PIECES("pieces", "Pieces OS Model API", ModelApiSpec.PIECES);

    private final String key;
    private final String title;
    private final ModelApiSpec spec;

    Api(String key, String title, ModelApiSpec spec) {
        this.key = key;
        this.title = title;
        this.spec = spec;
    }

    /** Short lower-case name, used in test names, reports and file names. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public ModelApiSpec spec() {
        return spec;
    }

    public static Api fromKey(String key) {
        for (Api api : values()) {
            if (api.key.equals(key.toLowerCase(Locale.ROOT).trim())) {
                return api;
            }
        }
        throw new IllegalArgumentException("Unknown API '" + key + "' (known: decthings, pieces)");
    }
}
