package dev.miandeng.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.app.config.PersistenceConfig;
import dev.miandeng.domain.store.StoreUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {

  @TempDir Path dir;

  @Test
  @DisplayName(
      "an embedded database that cannot be opened names MIANDENG_DATA_DIR, the setting behind it")
  void unusableDataDirIsNamed() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
    PersistenceConfig persistence =
        AppConfigReader.read(
                ConfigSources.of(
                    Map.of(
                        "FEISHU_APP_ID", "cli_stores_test",
                        "FEISHU_APP_SECRET", "stores-test-secret",
                        "MIANDENG_PUBLIC_BASE_URL", "https://app.example.com",
                        "MIANDENG_DATA_DIR", notAFolder.resolve("data").toString())))
            .persistence();

    assertThatThrownBy(() -> Stores.open(persistence, Clock.systemUTC(), new SimpleMeterRegistry()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("check MIANDENG_DATA_DIR");
  }
}
