package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.common.filemaker.FilenameMaker;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.JsonFileMappingsSource;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --mappings DIR}: the user's own WireMock mappings, loaded next to the mock's (and reloaded by
 * {@code /__admin/reset}). DIR is either a WireMock root ({@code DIR/mappings/*.json}, {@code DIR/__files/}) or a folder
 * of mapping files. Without it, WireMock's root is a path that does not exist, so that starting the mock in a folder
 * that happens to have a {@code mappings/} subfolder loads nothing unexpected.
 */
final class UserMappings {

    private UserMappings() {
    }

    static void configure(WireMockConfiguration config, Path dir) {
        if (dir == null) {
            Path none = Path.of(System.getProperty("java.io.tmpdir"), "modelapi-mock-no-user-mappings");
            config.usingFilesUnderDirectory(none.toString());
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--mappings " + dir + " is not a directory");
        }
        Path abs = dir.toAbsolutePath();
        config.usingFilesUnderDirectory(abs.toString());
        if (!Files.isDirectory(abs.resolve("mappings"))) {
            config.mappingSource(new JsonFileMappingsSource(new SingleRootFileSource(abs.toString()),
                    new FilenameMaker()));
        }
    }
}
