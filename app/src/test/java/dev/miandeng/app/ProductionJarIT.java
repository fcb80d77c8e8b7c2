package dev.miandeng.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packaged production jar (after {@code package}, hence failsafe): the Feishu simulator is a
 * test and demo tool, a stand-in anyone can log in to as anyone, and must never ship.
 */
class ProductionJarIT {

  private static final Path JAR = Path.of("target", "miandeng.jar");

  @Test
  @DisplayName("the production jar holds the app and no class of the Feishu simulator")
  void noSimulatorInTheProductionJar() throws IOException {
    assertThat(JAR).as("run after mvn package").exists();
    List<String> entries;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = jar.stream().map(ZipEntry::getName).toList();
    }

    assertThat(entries)
        .as("the check looks at the right jar")
        .contains("dev/miandeng/app/Main.class", "dev/miandeng/adapter/web/WebServer.class");
    assertThat(entries).noneMatch(name -> name.startsWith("dev/miandeng/simulator/"));
    assertThat(Files.size(JAR)).isPositive();
  }
}
