package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.app.config.PersistenceConfig.UserTokensStore;
import dev.miandeng.app.config.TokenVaultConfig.Adapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token vault's switch ({@code MIANDENG_USER_TOKENS_STORE}) and key ({@code
 * MIANDENG_TOKEN_KEY}, {@code MIANDENG_TOKEN_KEY_FILE}): what start-up accepts, refuses and says.
 */
class TokenVaultConfigTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String keyA = key(32);
  private final String keyB = key(32);

  private static String key(int bytes) {
    byte[] key = new byte[bytes];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static AppConfig read(Map<String, String> values) {
    return Credentials.read(values);
  }

  private static TokenVaultConfig vault(Map<String, String> values) {
    return read(values).persistence().userTokens();
  }

  private static String summary(AppConfig config) {
    return String.join("\n", config.describe());
  }

  @Test
  @DisplayName("the vault follows MIANDENG_PERSISTENCE; in the database it is off without a key")
  void followsTheUsersStoreAndIsOffWithoutAKey() {
    AppConfig noKey = read(Map.of());
    TokenVaultConfig memory = vault(Map.of("MIANDENG_PERSISTENCE", "memory"));

    assertThat(noKey.persistence().userTokens().store()).isEqualTo(UserTokensStore.JDBC);
    assertThat(noKey.persistence().userTokens().adapter()).isEqualTo(Adapter.OFF);
    assertThat(summary(noKey)).contains("token vault: off (no MIANDENG_TOKEN_KEY)");
    assertThat(memory.adapter()).isEqualTo(Adapter.MEMORY);
    assertThat(memory).hasToString("in memory, lost at restart");
  }

  @Test
  @DisplayName(
      "SEC-23 SEC-25 with a key ring the vault is in the database under the first key; the summary"
          + " names the key ids and their source, never a key")
  void keyRingFromTheEnvironment() {
    AppConfig config = read(Map.of("MIANDENG_TOKEN_KEY", "b:" + keyB + ",a:" + keyA));
    TokenVaultConfig vault = config.persistence().userTokens();

    assertThat(vault.adapter()).isEqualTo(Adapter.JDBC);
    assertThat(vault.keys().orElseThrow().currentKeyId()).isEqualTo("b");
    assertThat(vault.keys().orElseThrow().keyIds()).containsExactly("b", "a");
    assertThat(summary(config))
        .contains("token vault: in the database, sealed with key id 'b' (older ids still read: a)")
        .contains("MIANDENG_TOKEN_KEY (flag)")
        .doesNotContain(keyA)
        .doesNotContain(keyB)
        .doesNotContain(keyA.substring(0, 12));
    assertThat(config.toString()).doesNotContain(keyA).doesNotContain(keyB);
  }

  @Test
  @DisplayName("SEC-25 the token key can come from a file (MIANDENG_TOKEN_KEY_FILE), not both")
  void keyFromAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("token-key"), "2026-06:" + keyA + "\n");

    TokenVaultConfig vault = vault(Map.of("MIANDENG_TOKEN_KEY_FILE", file.toString()));

    assertThat(vault.keys().orElseThrow().currentKeyId()).isEqualTo("2026-06");
    assertThat(vault.keySource()).startsWith("MIANDENG_TOKEN_KEY_FILE");
    assertThatThrownBy(
            () ->
                vault(
                    Map.of("MIANDENG_TOKEN_KEY_FILE", file.toString(), "MIANDENG_TOKEN_KEY", keyB)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_TOKEN_KEY or MIANDENG_TOKEN_KEY_FILE, not both")
        .message()
        .doesNotContain(keyB);
  }

  @Test
  @DisplayName(
      "SEC-23 a key of the wrong length, not base64, or an id given twice stops start-up naming"
          + " the variable, never echoing the key")
  void malformedKeysAreRefused(@TempDir Path dir) throws IOException {
    String short16 = key(16);
    assertThatThrownBy(() -> vault(Map.of("MIANDENG_TOKEN_KEY", short16)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_TOKEN_KEY")
        .hasMessageContaining("32 bytes")
        .message()
        .doesNotContain(short16);
    String notBase64 = "k1:" + keyA.substring(0, 20) + "!*" + keyA.substring(22);
    assertThatThrownBy(() -> vault(Map.of("MIANDENG_TOKEN_KEY", notBase64)))
        .hasMessageContaining("MIANDENG_TOKEN_KEY")
        .hasMessageContaining("not base64")
        .message()
        .doesNotContain(keyA.substring(0, 20));
    Path twice = Files.writeString(dir.resolve("twice"), "k1:" + keyA + "\nk1:" + keyB + "\n");
    assertThatThrownBy(() -> vault(Map.of("MIANDENG_TOKEN_KEY_FILE", twice.toString())))
        .hasMessageContaining("MIANDENG_TOKEN_KEY_FILE")
        .hasMessageContaining("'k1' is given twice")
        .message()
        .doesNotContain(keyA)
        .doesNotContain(keyB);
  }

  @Test
  @DisplayName("SEC-25 the token key as a command-line flag (readable in ps) is refused, unechoed")
  void theKeyIsNeverAFlag() {
    assertThatThrownBy(() -> ConfigSources.load(List.of("--token-key=" + keyA), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("MIANDENG_TOKEN_KEY was given as a command-line flag")
        .message()
        .doesNotContain(keyA);
  }

  @Test
  @DisplayName("an unknown vault store lists the valid ones; jdbc needs the users in the database")
  void storeChoices() {
    assertThatThrownBy(() -> vault(Map.of("MIANDENG_USER_TOKENS_STORE", "redis")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_USER_TOKENS_STORE")
        .hasMessageContaining("[jdbc, memory]");
    assertThatThrownBy(
            () ->
                vault(
                    Map.of(
                        "MIANDENG_PERSISTENCE", "memory",
                        "MIANDENG_USER_TOKENS_STORE", "jdbc",
                        "MIANDENG_TOKEN_KEY", keyA)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_USER_TOKENS_STORE")
        .hasMessageContaining("MIANDENG_PERSISTENCE=jdbc");
    assertThat(vault(Map.of("MIANDENG_USER_TOKENS_STORE", "memory", "MIANDENG_TOKEN_KEY", keyA)))
        .hasToString("in memory, lost at restart");
  }

  @Test
  @DisplayName(
      "MIANDENG_TOKEN_KEY in the environment is a known name: no 'unknown variable' warning")
  void theKeyIsAKnownName() {
    ConfigSources raw =
        ConfigSources.load(
            List.of(),
            Map.of(
                "FEISHU_APP_ID", "cli_a1b2c3",
                "FEISHU_APP_SECRET", Credentials.SECRET,
                "MIANDENG_PUBLIC_BASE_URL", "https://app.example.com",
                "MIANDENG_PERSISTENCE", "memory",
                "MIANDENG_TOKEN_KEY", keyA,
                "MIANDENG_USER_TOKENS_STORE", "memory"));

    AppConfigReader.read(raw);

    assertThat(raw.checkNames(java.util.Set.of())).isEmpty();
  }
}
