package dev.miandeng.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void anH2FileIsEmbeddedInPortableModeWithTheDefaults() {
    DatabaseSettings settings = DatabaseSettings.h2File(Path.of("./data/miandeng"));

    assertThat(settings.jdbcUrl())
        .isEqualTo(
            "jdbc:h2:file:./data/miandeng;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=4096");
    assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("secrets are masked in every printout: the password field and a password in the URL")
  void toStringMasksPasswords() {
    DatabaseSettings settings =
        DatabaseSettings.of(
            "jdbc:postgresql://db:5432/app?user=app&password=url-secret&ssl=true",
            "app",
            "field-secret");

    assertThat(settings.toString())
        .doesNotContain("url-secret")
        .doesNotContain("field-secret")
        .contains("password=***&ssl=true");
  }

  @Test
  void onlyH2AndPostgresUrlsAreAccepted() {
    assertThatThrownBy(() -> DatabaseSettings.of("jdbc:mysql://db/app", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:h2:")
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  @DisplayName("REL-13 the cache TTL cannot exceed the documented 5 s revocation bound")
  void theCacheTtlIsBounded() {
    DatabaseSettings base = DatabaseSettings.h2File(Path.of("./data/miandeng"));

    assertThatThrownBy(
            () ->
                new DatabaseSettings(
                    base.jdbcUrl(), "", "", 10, Duration.ofSeconds(2), Duration.ofSeconds(6), 100))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
