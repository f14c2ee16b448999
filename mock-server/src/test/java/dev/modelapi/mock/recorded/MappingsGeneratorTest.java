package dev.modelapi.mock.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.mock.Mode;
import dev.modelapi.mock.recorded.gen.MappingsGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped mappings are what the generator makes from the spec, one file per operation. */
class MappingsGeneratorTest {

    @Test
    void shippedMappingsAreTheGeneratorsOutput(@TempDir Path dir) throws Exception {
        MappingsGenerator.generate(dir);
        RecordedMappings shipped = RecordedMappings.load();
        for (var file : shipped.files().entrySet()) {
            assertThat(Files.readString(dir.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
        }
        assertThat(shipped.files().keySet().stream().filter(f -> f.startsWith("decthings/"))).hasSize(33);
    }

    @Test
    void everyOperationHasADefaultAndUniqueIds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        int defaults = 0;
        for (String text : RecordedMappings.load().files().values()) {
            JsonNode mappings = json.readTree(text).path("mappings");
            int perFile = 0;
            for (JsonNode m : mappings) {
                assertThat(ids.add(m.path("id").asText())).as("duplicate id %s", m.path("id")).isTrue();
                if (m.path("metadata").path("modelapi").path("kind").asText().equals("default")) {
                    perFile++;
                }
            }
            assertThat(perFile).isEqualTo(1);
            defaults++;
        }
        assertThat(defaults).isEqualTo(RecordedMappings.load().files().size());
        assertThat(RecordedMappings.load().stubsFor(Mode.SIMULATE)).hasSize(ids.size() - defaults);
        assertThat(RecordedMappings.load().stubsFor(Mode.RECORDED)).hasSize(ids.size());
    }
}
