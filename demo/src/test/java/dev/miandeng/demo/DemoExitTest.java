package dev.miandeng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.app.config.ConfigSources;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo ends when the app cannot start, instead of hanging on its simulator's threads. */
class DemoExitTest {

  private static final Map<String, String> FREE_PORTS =
      Map.of("MIANDENG_PORT", "0", "MIANDENG_SIMULATOR_PORT", "0");

  @Test
  @DisplayName("the app fails to start after the simulator started: status 1, the simulator closed")
  void anyStartFailureClosesTheSimulator() {
    AtomicReference<URI> simulator = new AtomicReference<>();

    int status =
        DemoMain.start(
            List.of(),
            FREE_PORTS,
            config -> {
              ConfigSources sources = config.get();
              simulator.set(URI.create(sources.get("FEISHU_OPEN_API_BASE_URL").orElseThrow()));
              throw new IllegalStateException("a start failure no one foresaw");
            });

    assertThat(status).isEqualTo(DemoMain.CANNOT_START);
    assertThat(simulator.get()).isNotNull();
    assertThatThrownBy(() -> new Socket(simulator.get().getHost(), simulator.get().getPort()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  @DisplayName("bin/run with a bad MIANDENG_EMBED_ORIGINS: the demo's JVM ends with status 2")
  void refusedConfigurationEndsTheJvm() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder demo =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), DemoMain.class.getName())
            .redirectErrorStream(true);
    demo.environment().keySet().removeIf(k -> k.startsWith("MIANDENG_") || k.startsWith("FEISHU_"));
    demo.environment().putAll(FREE_PORTS);
    demo.environment().put("MIANDENG_EMBED_ORIGINS", "https://host.example/path");
    Process process = demo.start();

    boolean ended = process.waitFor(2, TimeUnit.MINUTES);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      process.destroyForcibly();
    }

    assertThat(ended).as("the demo ended; output:\n%s", output).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output)
        .contains("Configuration error: MIANDENG_EMBED_ORIGINS")
        .doesNotContain("IllegalArgumentException");
  }
}
