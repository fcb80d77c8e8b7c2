package dev.miandeng.app.config;

import java.util.HashMap;
import java.util.Map;

/** The settings production cannot start without, for tests about every other setting. */
final class Credentials {

  static final String SECRET = "s3cr3t-value-for-test";

  private Credentials() {}

  /** An App ID, its secret and the https public URL that real Feishu requires. */
  static Map<String, String> realFeishu() {
    return Map.of(
        "FEISHU_APP_ID", "cli_a1b2c3",
        "FEISHU_APP_SECRET", SECRET,
        "MIANDENG_PUBLIC_BASE_URL", "https://app.example.com");
  }

  /**
   * Reads these values as start-up does, with {@link #realFeishu()} beneath them unless they name
   * an App ID of their own (then they are about the credentials, and stand alone).
   */
  static AppConfig read(Map<String, String> values) {
    Map<String, String> all =
        new HashMap<>(values.containsKey("FEISHU_APP_ID") ? Map.of() : realFeishu());
    all.putAll(values);
    return AppConfigReader.read(ConfigSources.of(all));
  }
}
