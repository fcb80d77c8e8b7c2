package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One simulator per test class on 127.0.0.1:0 with a hand-driven clock, reset before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimulatorTestBase {
  static final String SECRET = "test-secret";
  static final String ZHANG_SAN = "ou_sim_zhangsan";
  static final String DISABLED = "ou_sim_disabled";

  final MutableClock clock = new MutableClock();
  FeishuSimulator sim;
  SimHttp http;

  SimulatorSettings settings() {
    return SimulatorSettings.defaults().withAppSecret(SECRET).withClock(clock);
  }

  @BeforeAll
  void startSimulator() {
    sim = FeishuSimulator.start(settings());
    http = new SimHttp(sim.baseUrl());
  }

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void resetSimulator() {
    sim.control().reset();
    clock.reset();
  }

  String appToken() {
    SimHttp.Answer answer =
        http.post(
            AppTokenRoutes.APP_TOKEN_PATH, Map.of("app_id", sim.appId(), "app_secret", SECRET));
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("app_access_token").asText();
  }

  String tenantToken() {
    SimHttp.Answer answer =
        http.post(
            AppTokenRoutes.TENANT_TOKEN_PATH, Map.of("app_id", sim.appId(), "app_secret", SECRET));
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("tenant_access_token").asText();
  }

  /** POST /open-apis/authen/v2/oauth/token with grant_type=authorization_code. */
  SimHttp.Answer exchangeV2(String code, Map<String, String> extra) {
    var body = new java.util.HashMap<String, String>();
    body.put("grant_type", "authorization_code");
    body.put("client_id", sim.appId());
    body.put("client_secret", SECRET);
    body.put("code", code);
    body.putAll(extra);
    return http.post(OAuthTokenRoutes.PATH, body);
  }

  SimHttp.Answer exchangeV2(String code) {
    return exchangeV2(code, Map.of());
  }
}
