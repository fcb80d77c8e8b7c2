package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MainArgumentsTest {

  @Test
  @DisplayName("command-line options map onto the settings")
  void parses() {
    SimulatorSettings settings =
        MainArguments.parse(
            new String[] {
              "--port",
              "0",
              "--app-id",
              "cli_x",
              "--app-secret",
              "s",
              "--roster",
              "r.json",
              "--redirect-uri",
              "http://localhost:8080/"
            },
            SimulatorSettings.defaults().withPort(8090));

    assertThat(settings.port()).isZero();
    assertThat(settings.appId()).isEqualTo("cli_x");
    assertThat(settings.appSecret()).isEqualTo("s");
    assertThat(settings.rosterFile()).isEqualTo(Path.of("r.json"));
    assertThat(settings.redirectUris()).isEqualTo(List.of("http://localhost:8080/"));
  }

  @Test
  @DisplayName("unknown options, missing values and bad ports are usage errors")
  void rejects() {
    SimulatorSettings defaults = SimulatorSettings.defaults();
    for (String[] args :
        List.of(
            new String[] {"--nope", "1"},
            new String[] {"--port"},
            new String[] {"--port", "x"},
            new String[] {"--port", "70000"})) {
      assertThatThrownBy(() -> MainArguments.parse(args, defaults))
          .isInstanceOf(UsageException.class);
    }
  }
}
