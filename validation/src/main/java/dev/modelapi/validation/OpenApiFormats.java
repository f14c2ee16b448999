package dev.modelapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.0 formats that the JSON Schema library does not know, checked as swagger-request-validator checks
 * them, so that both engines of this kit agree: {@code int32} and {@code int64} (the value fits), {@code float} and
 * {@code double} (a fraction is exact in that precision) and {@code byte} (padded base64). A value of another JSON type passes: the
 * {@code type} keyword judges that.
 */
final class OpenApiFormats {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** RFC 4648 base64, padded, as fge's {@code byte} format accepts it. */
    private static final Pattern BASE64 = Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");

    private OpenApiFormats() {
    }

    static List<Format> all() {
        return List.of(
                numeric("int32", v -> v.isIntegralNumber() ? v.canConvertToInt() : true),
                numeric("int64", v -> !v.isIntegralNumber() || fits(v.bigIntegerValue(), LONG_MIN, LONG_MAX)),
                // as swagger-request-validator: a fraction must survive the round trip through that precision
                numeric("float", v -> v.isIntegralNumber()
                        || String.valueOf(v.decimalValue()).equals(String.valueOf(v.floatValue()))),
                numeric("double", v -> v.isIntegralNumber()
                        || String.valueOf(v.decimalValue()).equals(String.valueOf(v.doubleValue()))),
                new Format() {
                    @Override
                    public String getName() {
                        return "byte";
                    }

                    @Override
                    public boolean matches(ExecutionContext context, String value) {
                        return BASE64.matcher(value).matches();
                    }
                });
    }

    private static boolean fits(BigInteger v, BigInteger min, BigInteger max) {
        return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }

    private static Format numeric(String name, Predicate<JsonNode> rule) {
        return new Format() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean matches(ExecutionContext context, SchemaContext schemaContext, JsonNode value) {
                return !value.isNumber() || rule.test(value);
            }
        };
    }
}
