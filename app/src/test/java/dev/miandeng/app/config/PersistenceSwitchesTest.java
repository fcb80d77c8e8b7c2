package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.redis.RedisSettings;
import dev.miandeng.app.config.PersistenceConfig.LoginStatesStore;
import dev.miandeng.app.config.PersistenceConfig.SessionsStore;
import dev.miandeng.app.config.PersistenceConfig.UsersStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One switch per storage port: MIANDENG_PERSISTENCE, MIANDENG_SESSIONS, MIANDENG_LOGIN_STATES. */
class PersistenceSwitchesTest {

  private static final String REDIS_PASSWORD = "redis-password-for-test";

  private static PersistenceConfig read(Map<String, String> values) {
    return Credentials.read(values).persistence();
  }

  @Test
  @DisplayName(
      "today's configurations keep working: sessions and logins follow MIANDENG_PERSISTENCE")
  void sessionsAndLoginsFollowTheUsersStore() {
    PersistenceConfig defaults = read(Map.of());
    PersistenceConfig memory = read(Map.of("MIANDENG_PERSISTENCE", "memory"));

    assertThat(defaults.users()).isEqualTo(UsersStore.JDBC);
    assertThat(defaults.sessions()).isEqualTo(SessionsStore.JDBC);
    assertThat(defaults.loginStates()).isEqualTo(LoginStatesStore.JDBC);
    assertThat(defaults.redis()).isEmpty();
    assertThat(memory.sessions()).isEqualTo(SessionsStore.MEMORY);
    assertThat(memory.loginStates()).isEqualTo(LoginStatesStore.MEMORY);
    assertThat(memory.database()).isEmpty();
  }

  @Test
  @DisplayName("each port is switched alone: users in the database, sessions and logins in Redis")
  void eachPortHasItsOwnSwitch() {
    PersistenceConfig config =
        read(Map.of("MIANDENG_SESSIONS", "redis", "MIANDENG_LOGIN_STATES", "redis"));

    assertThat(config.users()).isEqualTo(UsersStore.JDBC);
    assertThat(config.sessions()).isEqualTo(SessionsStore.REDIS);
    assertThat(config.loginStates()).isEqualTo(LoginStatesStore.REDIS);
    assertThat(config.database()).isPresent();
    assertThat(config.redis())
        .hasValueSatisfying(
            r -> {
              assertThat(r.url()).isEqualTo(RedisSettings.DEFAULT_URL);
              assertThat(r.keyPrefix()).isEqualTo(RedisSettings.DEFAULT_KEY_PREFIX);
            });
  }

  @Test
  @DisplayName("Redis alone needs no database: users in memory, sessions in Redis opens none")
  void noDatabaseWhenNoPortUsesIt() {
    PersistenceConfig config =
        read(Map.of("MIANDENG_PERSISTENCE", "memory", "MIANDENG_SESSIONS", "redis"));

    assertThat(config.database()).isEmpty();
    assertThat(config.loginStates()).isEqualTo(LoginStatesStore.MEMORY);
    assertThat(config.redis()).isPresent();
  }

  @Test
  @DisplayName("an unknown store stops start-up naming the variable and listing the valid values")
  void unknownStoresListTheValidOnes() {
    assertThatThrownBy(() -> read(Map.of("MIANDENG_SESSIONS", "mongo")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_SESSIONS")
        .hasMessageContaining("[jdbc, memory, redis]");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_LOGIN_STATES", "cookie")))
        .hasMessageContaining("MIANDENG_LOGIN_STATES")
        .hasMessageContaining("[jdbc, memory, redis]");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_PERSISTENCE", "redis")))
        .hasMessageContaining("MIANDENG_PERSISTENCE")
        .hasMessageContaining("[jdbc, memory]");
  }

  @Test
  @DisplayName("a bad Redis URL or key prefix stops start-up naming MIANDENG_REDIS_*")
  void badRedisSettingsNameTheirVariable() {
    assertThatThrownBy(
            () -> read(Map.of("MIANDENG_SESSIONS", "redis", "MIANDENG_REDIS_URL", "http://x:1")))
        .hasMessageContaining("MIANDENG_REDIS_URL")
        .hasMessageContaining("redis://");
    assertThatThrownBy(
            () -> read(Map.of("MIANDENG_SESSIONS", "redis", "MIANDENG_REDIS_KEY_PREFIX", "app*")))
        .hasMessageContaining("MIANDENG_REDIS_KEY_PREFIX");
  }

  @Test
  @DisplayName("a Redis flag while no port uses Redis is a typo: start-up stops")
  void redisSettingsWithoutRedisAreRefused() {
    assertThatThrownBy(() -> read(Map.of("MIANDENG_REDIS_URL", "redis://cache:6379/1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_REDIS_URL");
  }

  @Test
  @DisplayName("SEC-25 the Redis password comes from a file and never shows in the summary")
  void redisPasswordFromFileIsMasked(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("redis"), REDIS_PASSWORD + "\n");
    AppConfig config =
        Credentials.read(
            Map.of(
                "MIANDENG_SESSIONS", "redis",
                "MIANDENG_REDIS_URL", "redis://:url-password-for-test@cache:6380/2",
                "MIANDENG_REDIS_PASSWORD_FILE", file.toString(),
                "MIANDENG_REDIS_KEY_PREFIX", "shop:"));

    RedisSettings redis = config.persistence().redis().orElseThrow();
    String summary = String.join("\n", config.describe());

    assertThat(redis.password()).isEqualTo(REDIS_PASSWORD);
    assertThat(redis.database()).isEqualTo(2);
    assertThat(summary)
        .contains("redis://***@cache:6380/2")
        .contains("shop:")
        .doesNotContain(REDIS_PASSWORD)
        .doesNotContain("url-password-for-test");
  }
}
