package dev.miandeng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoDoctorTest {

  private record Report(int status, String text) {}

  private static Report doctor(Map<String, String> environment) {
    List<String> lines = new ArrayList<>();
    int status = DemoMain.doctor(List.of(), environment, lines::add);
    return new Report(status, String.join("\n", lines));
  }

  @Test
  @DisplayName("no credentials: the doctor starts the simulator as bin/run does, and says so")
  void noCredentialsChecksTheSimulator() {
    Report report = doctor(Map.of());

    assertThat(report.status()).as(report.text()).isZero();
    assertThat(report.text())
        .contains("checking the built-in Feishu simulator")
        .contains("credentials    accepted")
        .contains("http://127.0.0.1:8080/callback")
        .endsWith("All checks passed.");
  }

  @Test
  @DisplayName("an https public URL without FEISHU_APP_ID: exit 1, as start-up refuses it")
  void httpsWithoutAppId() {
    Report report = doctor(Map.of("MIANDENG_PUBLIC_BASE_URL", "https://app.example.com"));

    assertThat(report.status()).isOne();
    assertThat(report.text()).contains("FEISHU_APP_ID is not set but MIANDENG_PUBLIC_BASE_URL");
  }
}
