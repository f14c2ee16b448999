package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.server.api.ModelApi;
import dev.modelapi.mock.http.MockJson;
import jakarta.ws.rs.Path;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Calls the method of the generated {@link ModelApi} server interface that serves {@code /Model/{method}} (found
 * by its JAX-RS {@code @Path}): logical JSON → request model → implementation → response model → logical JSON.
 */
public final class DecthingsDispatcher {

    private final ModelApi target;
    private final Map<String, Method> methods = new TreeMap<>();

    public DecthingsDispatcher(ModelApi target) {
        this.target = target;
        for (Method m : ModelApi.class.getMethods()) {
            Path path = m.getAnnotation(Path.class);
            if (path != null && m.getParameterCount() == 1) {
                methods.put(path.value().replaceFirst("^/", ""), m);
            }
        }
    }

    /** The methods the interface declares, e.g. {@code createModel}. */
    public Set<String> methods() {
        return Collections.unmodifiableSet(methods.keySet());
    }

    public boolean knows(String method) {
        return methods.containsKey(method);
    }

    /**
     * Runs one call; returns the generated response model (a {@code result} or an {@code error} envelope).
     *
     * @throws RequestMappingException if the (already validated) request does not fit the request model
     */
    public Object invoke(String method, ObjectNode logicalRequest) {
        Method m = methods.get(method);
        if (m == null) {
            throw new IllegalArgumentException("No Decthings method " + method);
        }
        Object request;
        try {
            request = MockJson.MAPPER.treeToValue(logicalRequest, m.getParameterTypes()[0]);
        } catch (JsonMappingException e) {
            throw new RequestMappingException(path(e), e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RequestMappingException(DecthingsErrors.BODY, e.getOriginalMessage(), e);
        }
        try {
            return m.invoke(target, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? DecthingsErrors.BODY : sb.toString();
    }
}
