package dev.miandeng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.app.FreePort;
import dev.miandeng.app.config.ConfigSources;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo ends when the app cannot start, instead of hanging on its simulator's threads, and on
 * SIGTERM it stops in the app's order.
 */
class DemoExitTest {

  private static final String LOOPBACK = "127.0.0.1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

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
            (config, afterStop) -> {
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
  @DisplayName(
      "REL-10: on SIGTERM the demo's simulator outlives the app's shutdown delay: logins during it"
          + " still reach Feishu")
  void simulatorOutlivesTheShutdownDelay() throws Exception {
    int appPort = FreePort.find(LOOPBACK);
    int simulatorPort = FreePort.find(LOOPBACK);
    ProcessBuilder demo = demoJvm();
    demo.environment().put("MIANDENG_PORT", Integer.toString(appPort));
    demo.environment().put("MIANDENG_SIMULATOR_PORT", Integer.toString(simulatorPort));
    demo.environment().put("MIANDENG_SHUTDOWN_DELAY", "3s");
    demo.environment().put("MIANDENG_DATA_DIR", dataDir.toString());
    Process process = demo.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      URI ready = URI.create("http://" + LOOPBACK + ":" + appPort + "/health/ready");
      awaitStatus(ready, 200, Duration.ofMinutes(2));

      process.destroy(); // SIGTERM
      awaitStatus(ready, 503, Duration.ofSeconds(2));

      try (Socket simulator = new Socket(LOOPBACK, simulatorPort)) {
        assertThat(simulator.isConnected()).as("the simulator still listens").isTrue();
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the demo ended").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  @DisplayName("bin/run with a bad MIANDENG_EMBED_ORIGINS: the demo's JVM ends with status 2")
  void refusedConfigurationEndsTheJvm() throws IOException, InterruptedException {
    ProcessBuilder demo = demoJvm();
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

  /** The demo's main class in a JVM of its own, with no MIANDENG_ or FEISHU_ variable inherited. */
  private static ProcessBuilder demoJvm() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder demo =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), DemoMain.class.getName())
            .redirectErrorStream(true);
    demo.environment().keySet().removeIf(k -> k.startsWith("MIANDENG_") || k.startsWith("FEISHU_"));
    return demo;
  }

  /** Polls {@code url} until it answers {@code status}; fails after {@code within}. */
  private static void awaitStatus(URI url, int status, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == status) {
          return;
        }
      } catch (ConnectException notYet) {
        // The app is not listening yet.
      }
      assertThat(System.nanoTime()).as("%s answered %d in time", url, status).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
