package dev.miandeng.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/launch.sh}'s {@code miandeng_run_jar}, which {@code bin/run} starts the app with, on
 * the packaged jar (after {@code package}, hence failsafe) and the real JVM: the first run of a
 * build writes the class-data cache at exit, and a start the app refused must not leave one behind
 * (it would slow every later start until the next build).
 */
class LaunchScriptIT {

  private static final Path JAR = Path.of("target", "miandeng.jar");
  private static final Path SCRIPTS = Path.of("..", "bin").toAbsolutePath().normalize();

  @TempDir Path dir;

  /** bash sourcing the launch scripts, running the jar copied into {@link #dir}. */
  private ProcessBuilder runJar(Map<String, String> env) throws IOException {
    Path jar = Files.copy(JAR, dir.resolve("miandeng.jar"));
    ProcessBuilder run =
        new ProcessBuilder(
                "bash",
                "-c",
                ". \"$1/jdk.sh\" && . \"$1/launch.sh\" && miandeng_run_jar \"$2\"",
                "launch",
                SCRIPTS.toString(),
                jar.toString())
            .redirectErrorStream(true);
    run.environment().keySet().removeIf(k -> k.startsWith("MIANDENG_") || k.startsWith("FEISHU_"));
    run.environment().put("JAVA_HOME", System.getProperty("java.home"));
    run.environment().put("MIANDENG_DATA_DIR", dir.resolve("data").toString());
    run.environment().put("MIANDENG_PORT", "0");
    run.environment().putAll(env);
    return run;
  }

  /** The cache or archive beside the jar copy, if the run left one. */
  private boolean cacheLeft() {
    return Files.exists(dir.resolve("miandeng.aot")) || Files.exists(dir.resolve("miandeng.jsa"));
  }

  @Test
  @DisplayName("a start refused for its configuration (status 2) leaves no class-data cache behind")
  void refusedStartDropsTheCache() throws Exception {
    Process process = runJar(Map.of("MIANDENG_PORT", "not-a-port")).start();
    // Read to the end: the refused start ends, so its output does too.
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("ended").isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("MIANDENG_PORT").contains("the class-data cache it wrote");
    assertThat(cacheLeft()).as("cache left after a refused start").isFalse();
  }

  @Test
  @DisplayName("an app that started and was stopped (SIGTERM) keeps the cache its run wrote")
  void stoppedAppKeepsTheCache() throws Exception {
    Process process =
        runJar(
                Map.of(
                    "FEISHU_APP_ID", "cli_launch_test",
                    "FEISHU_APP_SECRET", "launch-test-secret",
                    "MIANDENG_PUBLIC_BASE_URL", "http://127.0.0.1:8080",
                    "MIANDENG_SHUTDOWN_DELAY", "0s"))
            .start();
    StringBuilder seen = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.contains("miandeng is up")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the app started; output:\n%s", seen).isNotNull();
      // SIGTERM to bash, which passes it on to the JVM (Process.destroy would close our pipe).
      assertThat(
              new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor())
          .isZero();
      while (lines.readLine() != null) {
        // drain until the JVM has written the cache and exited
      }
    }

    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("ended").isTrue();
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(cacheLeft()).as("cache kept after a run that was stopped").isTrue();
  }
}
