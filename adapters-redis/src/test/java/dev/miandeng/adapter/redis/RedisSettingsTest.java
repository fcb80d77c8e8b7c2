package dev.miandeng.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

  @Test
  @DisplayName("SEC-25 toString never shows the password, neither the field nor one in the URL")
  void passwordsAreMasked() {
    RedisSettings settings =
        RedisSettings.of("redis://app:url-secret@cache:6380/3", "field-secret");

    assertThat(settings.toString())
        .contains("redis://***@cache:6380/3")
        .doesNotContain("url-secret")
        .doesNotContain("field-secret");
    assertThat(settings.database()).isEqualTo(3);
  }

  @Test
  void defaults() {
    RedisSettings settings = RedisSettings.of(RedisSettings.DEFAULT_URL.toString(), "");

    assertThat(settings.database()).isZero();
    assertThat(settings.isTls()).isFalse();
    assertThat(settings.keyPrefix()).isEqualTo("miandeng:");
    assertThat(RedisSettings.of("rediss://cache", "").isTls()).isTrue();
  }

  @Test
  @DisplayName("a URL that is not Redis, a database that is not a number, a glob in the prefix")
  void badValuesAreRefused() {
    assertThatThrownBy(() -> RedisSettings.of("http://cache:6379", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://");
    assertThatThrownBy(() -> RedisSettings.of("redis://cache:6379/zero", ""))
        .hasMessageContaining("database index");
    assertThatThrownBy(() -> RedisSettings.of("redis:///0", "")).hasMessageContaining("host");
    assertThatThrownBy(() -> RedisSettings.of("redis://cache", "").withKeyPrefix("app*"))
        .hasMessageContaining("key prefix");
  }
}
