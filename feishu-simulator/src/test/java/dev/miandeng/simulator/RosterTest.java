package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

  @Test
  @DisplayName(
      "the built-in roster has a Chinese name, an English name, a hostile name and a disabled user")
  void builtIn() {
    try (FeishuSimulator sim = FeishuSimulator.start(SimulatorSettings.defaults())) {
      var users = sim.roster();
      assertThat(users).hasSizeGreaterThanOrEqualTo(4);
      assertThat(users).allMatch(user -> user.tenantKey().equals("tenant-simulator"));
      assertThat(users).anyMatch(user -> user.name().equals("张三"));
      assertThat(users).anyMatch(user -> user.name().equals(BuiltInRoster.HOSTILE_NAME));
      assertThat(users).anyMatch(SimulatedUser::disabled);
      assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:").doesNotEndWith("/");
      assertThat(sim.appId()).isEqualTo("cli_simulator");
      assertThat(sim.appSecret()).hasSizeGreaterThanOrEqualTo(32);
    }
  }

  @Test
  @DisplayName("a roster file replaces the built-in users; its avatarUrl is kept when given")
  void fromFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("users.json");
    Files.writeString(
        file,
        """
        [{"openId":"ou_a","unionId":"on_a","tenantKey":"t1","name":"A","enName":"A",
          "avatarUrl":"https://img.example/a.png"},
         {"openId":"ou_b","unionId":"on_b","tenantKey":"t1","name":"B","disabled":true,
          "unknownField":1}]
        """);
    try (FeishuSimulator sim =
        FeishuSimulator.start(SimulatorSettings.defaults().withRoster(file))) {
      assertThat(sim.roster()).extracting(SimulatedUser::openId).containsExactly("ou_a", "ou_b");
      assertThat(sim.roster().get(0).avatarUrl()).isEqualTo("https://img.example/a.png");
      assertThat(sim.roster().get(1).avatarUrl()).isEqualTo(sim.baseUrl() + "/avatars/ou_b.svg");
      assertThat(sim.roster().get(1).disabled()).isTrue();
      assertThat(sim.control().client().userOpenId()).isEqualTo("ou_a");
    }
  }

  @Test
  @DisplayName("a broken roster file fails loudly at start")
  void brokenFile(@TempDir Path dir) throws IOException {
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "[]");
    Path missingName = dir.resolve("missing.json");
    Files.writeString(missingName, "[{\"openId\":\"ou\",\"unionId\":\"on\",\"tenantKey\":\"t\"}]");

    for (Path file : new Path[] {empty, missingName, dir.resolve("absent.json")}) {
      assertThatThrownBy(() -> FeishuSimulator.start(SimulatorSettings.defaults().withRoster(file)))
          .isInstanceOf(RosterFileException.class);
    }
  }
}
