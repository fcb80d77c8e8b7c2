package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CodeLifetimeTest extends SimulatorTestBase {

  @ParameterizedTest
  @EnumSource(CodeKind.class)
  @DisplayName("a code is single use: the second exchange answers 20065")
  void singleUse(CodeKind kind) {
    String code = sim.control().issueCode(ZHANG_SAN, kind);

    assertThat(exchangeV2(code).json().get("code").asInt()).isZero();
    SimHttp.Answer second = exchangeV2(code);

    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("code").asInt()).isEqualTo(20065);
  }

  @ParameterizedTest
  @CsvSource({"REQUEST_ACCESS, 3", "REQUEST_AUTH_CODE, 5", "BROWSER, 5"})
  @DisplayName(
      "requestAccess codes live 3 min, requestAuthCode and browser codes 5 min; then 20004")
  void lifetimes(CodeKind kind, int minutes) {
    String stillGood = sim.control().issueCode(ZHANG_SAN, kind);
    String tooLate = sim.control().issueCode(ZHANG_SAN, kind);
    clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));

    assertThat(exchangeV2(stillGood).json().get("code").asInt()).isZero();
    clock.advance(Duration.ofSeconds(1));
    SimHttp.Answer expired = exchangeV2(tooLate);

    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().get("code").asInt()).isEqualTo(20004);
  }
}
