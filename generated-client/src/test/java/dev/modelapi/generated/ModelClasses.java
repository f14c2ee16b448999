package dev.modelapi.generated;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** The generated classes of a package, found on the test classpath (target/classes). */
final class ModelClasses {

    static final String DECTHINGS_MODEL = "dev.modelapi.decthings.client.model";
    static final String PIECES_MODEL = "dev.modelapi.pieces.client.model";
    static final String DECTHINGS_SERVER_MODEL = "dev.modelapi.decthings.server.model";
    static final String PIECES_SERVER_MODEL = "dev.modelapi.pieces.server.model";

    private ModelClasses() {
    }

    static List<Class<?>> in(String pkg) {
        String dir = pkg.replace('.', '/');
        URL url = ModelClasses.class.getClassLoader().getResource(dir);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Package " + pkg + " not found as a directory on the classpath: " + url);
        }
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    out.add(Class.forName(pkg + "." + name.substring(0, name.length() - 6)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return Collections.unmodifiableList(out);
    }

    /** The discriminated unions (oneOf interfaces) of a package. */
    static List<Class<?>> unions(String pkg) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : in(pkg)) {
            if (c.isInterface() && c.isAnnotationPresent(JsonTypeInfo.class) && c.isAnnotationPresent(JsonSubTypes.class)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The open enumerations (classes with a static {@code fromValue} and {@code isKnown}) of a package. */
    static List<Class<?>> openEnums(String pkg) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : in(pkg)) {
            collectOpenEnums(c, out);
        }
        return out;
    }

    private static void collectOpenEnums(Class<?> c, List<Class<?>> out) {
        try {
            c.getMethod("isKnown");
            c.getMethod("fromValue", String.class);
            out.add(c);
        } catch (NoSuchMethodException e) {
            // not an open enum
        }
        for (Class<?> nested : c.getDeclaredClasses()) {
            collectOpenEnums(nested, out);
        }
    }

    static String discriminator(Class<?> union) {
        return union.getAnnotation(JsonTypeInfo.class).property();
    }

    static JsonSubTypes.Type[] variants(Class<?> union) {
        return union.getAnnotation(JsonSubTypes.class).value();
    }
}
