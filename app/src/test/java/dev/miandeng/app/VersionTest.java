package dev.miandeng.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void theVersionIsTheMavenProjectVersion() {
    assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(Version.line()).startsWith("miandeng " + Version.current() + " (Java ");
  }
}
