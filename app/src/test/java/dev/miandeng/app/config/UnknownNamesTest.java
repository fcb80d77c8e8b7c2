package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Misspelt names: refused as flags or file keys, warned about in the environment. */
class UnknownNamesTest {

  private static ConfigurationException refusal(List<String> flags) {
    ConfigSources raw = ConfigSources.load(flags, Credentials.realFeishu());
    try {
      AppConfigReader.read(raw);
    } catch (ConfigurationException e) {
      return e;
    }
    throw new AssertionError("read " + flags + " without refusing");
  }

  @Test
  @DisplayName("a misspelt flag stops start-up, named as typed, with the flag it probably meant")
  void misspeltFlagIsRefusedWithASuggestion() {
    assertThat(refusal(List.of("--prot=9000")))
        .hasMessageStartingWith("unknown flag --prot: did you mean --port (MIANDENG_PORT)?");
  }

  @Test
  @DisplayName("every unknown flag is listed; one close to no known name gets no suggestion")
  void severalUnknownFlagsAreEachListed() {
    assertThat(refusal(List.of("--prot=9000", "--colour=red", "--feishu-brnd=lark")))
        .hasMessage(
            "unknown flag --feishu-brnd: did you mean --feishu-brand (FEISHU_BRAND)?; unknown flag"
                + " --colour; unknown flag --prot: did you mean --port (MIANDENG_PORT)?; the"
                + " README's Configuration section lists every name");
  }

  @Test
  @DisplayName("a name under the wrong prefix suggests the same name under the right one")
  void wrongPrefixSuggestsTheOtherPrefix() {
    assertThat(refusal(List.of("--app-id=cli_x")))
        .hasMessageStartingWith(
            "unknown flag --app-id: did you mean --feishu-app-id (FEISHU_APP_ID)?");
  }

  @Test
  @DisplayName("a misspelt key in the configuration file is refused, naming the key and the file")
  void misspeltFileKeyNamesTheFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("miandeng.properties"), "MIANDENG_PROT=9000\n");

    assertThat(refusal(List.of("--config=" + file)))
        .hasMessageStartingWith(
            "unknown key MIANDENG_PROT in file " + file + ": did you mean MIANDENG_PORT?");
  }

  @Test
  @DisplayName("a flag for a store the settings do not choose is refused as unused, not as a typo")
  void flagOfAnUnchosenStoreIsUnused() {
    assertThat(refusal(List.of("--redis-url=redis://cache:6379/0")))
        .hasMessageStartingWith(
            "flag --redis-url (MIANDENG_REDIS_URL) is not used by these settings");
  }

  @Test
  @DisplayName("the launchers' own flags reach the production jar without a refusal (bin/run)")
  void launcherFlagsAreAccepted() {
    ConfigSources raw =
        ConfigSources.load(
            List.of("--feishu=real", "--simulator-port=0"), Credentials.realFeishu());

    assertThat(AppConfigReader.read(raw).identity().appId()).isEqualTo("cli_a1b2c3");
  }

  @Test
  @DisplayName(
      "a misspelt environment variable does not stop start-up: one warning each, with a"
          + " suggestion when one is close; names the scripts and the demo set are not warned about")
  void misspeltEnvironmentVariablesAreWarnedAbout(@TempDir Path dir) throws IOException {
    Map<String, String> environment = new HashMap<>(Credentials.realFeishu());
    environment.remove("FEISHU_APP_SECRET");
    environment.put(
        "FEISHU_APP_SECRET_FILE",
        Files.writeString(dir.resolve("secret"), Credentials.SECRET).toString());
    environment.putAll(
        Map.of(
            "MIANDENG_PROT", "9000",
            "FEISHU_BRND", "lark",
            "MIANDENG_COLOUR", "red",
            "MIANDENG_FEISHU", "real",
            "MIANDENG_SIMULATOR_PORT", "0",
            "MIANDENG_TEST_REDIS_URL", "redis://127.0.0.1:6379/0",
            "MIANDENG_REDIS_URL", "redis://cache:6379/0",
            "MIANDENG_DB_PASSWORD_FILE", "/run/secrets/db",
            "JAVA_OPTS", "-Xmx64m"));
    Logger logger = (Logger) LoggerFactory.getLogger("miandeng");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      AppConfig config = AppConfigReader.read(ConfigSources.load(List.of(), environment));

      assertThat(config.http().port()).isEqualTo(8080);
    } finally {
      logger.detachAppender(logged);
    }

    assertThat(logged.list)
        .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
        .containsExactly(
            "WARN Ignoring unknown environment variable FEISHU_BRND: did you mean FEISHU_BRAND?",
            "WARN Ignoring unknown environment variable MIANDENG_COLOUR",
            "WARN Ignoring unknown environment variable MIANDENG_PROT: did you mean MIANDENG_PORT?");
  }
}
