package dev.miandeng.simulator;

import java.util.List;

/**
 * The default people: a Chinese name, an English-only name, a name full of HTML and script (to
 * prove every page inserts names as text) and a user the tenant does not allow to use the app.
 */
final class BuiltInRoster {
  static final String TENANT_KEY = "tenant-simulator";

  /** Inserted as text it is harmless; inserted as HTML it sets window.__pwned. */
  static final String HOSTILE_NAME =
      "<img src=x onerror=\"window.__pwned=1\">Eve & \"Co\" <script>window.__pwned=1</script>";

  private BuiltInRoster() {}

  static List<SimulatedUser> users() {
    return List.of(
        new SimulatedUser(
            "ou_sim_zhangsan",
            "on_sim_zhangsan",
            "zhangsan",
            TENANT_KEY,
            "张三",
            "Zhang San",
            "zhangsan@example.com",
            null,
            false,
            "zhangsan@corp.example",
            "+8613800000001",
            "E0001"),
        new SimulatedUser(
            "ou_sim_alice",
            "on_sim_alice",
            "alice",
            TENANT_KEY,
            "Alice Smith",
            "Alice Smith",
            "alice@example.com",
            null,
            false,
            null,
            null,
            "E0002"),
        new SimulatedUser(
            "ou_sim_eve",
            "on_sim_eve",
            "eve",
            TENANT_KEY,
            HOSTILE_NAME,
            "Eve",
            null,
            null,
            false,
            null,
            null,
            null),
        new SimulatedUser(
            "ou_sim_disabled",
            "on_sim_disabled",
            "lisi",
            TENANT_KEY,
            "李四 (disabled)",
            "Li Si",
            "lisi@example.com",
            null,
            true,
            null,
            null,
            null));
  }
}
