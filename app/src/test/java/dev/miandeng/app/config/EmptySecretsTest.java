package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An empty secret file, or an empty key variable, is a mistake start-up names, not "not
 * configured": the token vault would silently turn off, the App Secret be called missing.
 */
class EmptySecretsTest {

  private static AppConfig readEnvironment(Map<String, String> values) {
    Map<String, String> environment = new HashMap<>(Credentials.realFeishu());
    environment.putAll(values);
    return AppConfigReader.read(ConfigSources.load(List.of(), environment));
  }

  @Test
  @DisplayName("an empty MIANDENG_TOKEN_KEY_FILE is refused naming the variable and the file")
  void emptyTokenKeyFile(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("token-key"), "\n");

    assertThatThrownBy(() -> readEnvironment(Map.of("MIANDENG_TOKEN_KEY_FILE", empty.toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "MIANDENG_TOKEN_KEY_FILE (from environment) names " + empty + ", which is empty");
  }

  @Test
  @DisplayName("an empty MIANDENG_TOKEN_KEY= is refused, not taken for 'no key' (vault off)")
  void emptyTokenKey() {
    assertThatThrownBy(() -> readEnvironment(Map.of("MIANDENG_TOKEN_KEY", "")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "MIANDENG_TOKEN_KEY (from environment) is set but empty: give the key, or unset"
                + " MIANDENG_TOKEN_KEY");
  }

  @Test
  @DisplayName(
      "an empty FEISHU_APP_SECRET_FILE says the file is empty, not that the secret is missing")
  void emptyAppSecretFile(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("app-secret"), "");
    Map<String, String> env = new HashMap<>(Map.of("FEISHU_APP_SECRET_FILE", empty.toString()));
    env.put("FEISHU_APP_SECRET", "");

    assertThatThrownBy(() -> readEnvironment(env))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("FEISHU_APP_SECRET_FILE (from environment) names " + empty)
        .hasMessageContaining("which is empty")
        .hasMessageNotContaining("is required");
  }

  @Test
  @DisplayName("an unset key still means no key (the vault off), and an empty password is allowed")
  void unsetKeyAndEmptyPassword() {
    AppConfig config = readEnvironment(Map.of("MIANDENG_REDIS_PASSWORD", ""));

    assertThat(config.persistence().userTokens().keys()).isEmpty();
  }
}
