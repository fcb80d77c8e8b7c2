package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The web adapter's meters, read from the registry a started server counts into. */
class WebMetricsTest {

  private static double count(MeterRegistry meters, String name, String... tags) {
    Counter counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  @DisplayName("a login and each refusal are counted by outcome; an outage by its reason")
  void loginsByOutcome() {
    try (TestApp app = TestApp.start()) {
      assertThat(app.browser().logInAsAlice().statusCode()).isEqualTo(200);
      assertThat(app.browser().logInWithCode("never-issued").statusCode()).isEqualTo(401);
      assertThat(
              app.browser()
                  .post("/api/session", SessionApiTest.body("some-code", "A".repeat(43)))
                  .statusCode())
          .isEqualTo(400);
      app.idp.failWith(new AuthCenterUnavailableException("down", null));
      assertThat(app.browser().logInWithCode("any-code").statusCode()).isEqualTo(503);
      app.idp.recover();
      Browser loggedIn = app.browser();
      assertThat(loggedIn.logInAsAlice().statusCode()).isEqualTo(200);
      app.stores.goDown();
      assertThat(loggedIn.get("/api/me").statusCode()).isEqualTo(503);

      assertThat(count(app.meters, "miandeng.logins", "outcome", "logged_in")).isEqualTo(2);
      assertThat(count(app.meters, "miandeng.logins", "outcome", "code_refused")).isEqualTo(1);
      assertThat(count(app.meters, "miandeng.logins", "outcome", "state_rejected")).isEqualTo(1);
      assertThat(count(app.meters, "miandeng.logins", "outcome", "auth_center_unavailable"))
          .isEqualTo(1);
      assertThat(count(app.meters, "miandeng.outages", "reason", "auth_center_unavailable"))
          .isEqualTo(1);
      assertThat(count(app.meters, "miandeng.outages", "reason", "store_unavailable")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("SEC-33: each 429 is counted under the limit that refused it")
  void rateLimitRefusals() {
    try (TestApp app =
        TestApp.start(
            s -> s.withLoginRateLimits(1, WebSettings.DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS))) {
      Browser browser = app.browser();
      assertThat(browser.logInWithCode("guess-1").statusCode()).isEqualTo(401);
      assertThat(browser.get("/login").statusCode()).isEqualTo(429);
      assertThat(count(app.meters, "miandeng.rate.limited", "limit", "browser")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "the JSAPI beacon counts a good report (unknown errnos as other), refuses bad ones with 400"
          + " in the one error shape, and limits an address to 10 a minute")
  void clientErrorBeacon() {
    try (TestApp app = TestApp.start()) {
      Browser page = app.browser();
      assertThat(report(page, "{\"api\":\"requestAccess\",\"errno\":\"103\"}").statusCode())
          .isEqualTo(204);
      assertThat(report(page, "{\"api\":\"requestAuthCode\",\"errno\":\"424242\"}").statusCode())
          .isEqualTo(204);
      for (String bad :
          List.of(
              "{\"api\":\"requestAccess\",\"errno\":103}",
              "{\"api\":\"fetch\",\"errno\":\"103\"}",
              "{\"api\":\"requestAccess\",\"errno\":\"10 3\"}",
              "{\"api\":\"requestAccess\",\"errno\":\"12345678901\"}",
              "{\"api\":\"requestAccess\"}",
              "{\"api\":\"requestAccess\",\"errno\":\"103\",\"user\":\"u\"}",
              "[]",
              "not json")) {
        HttpResponse<String> refused = report(page, bad);
        assertThat(refused.statusCode()).as(bad).isEqualTo(400);
        assertThat(refused.body()).as(bad).startsWith("{\"error\":\"bad_request\",\"message\":");
      }
      assertThat(
              count(app.meters, "miandeng.client.errors", "api", "requestAccess", "errno", "103"))
          .isEqualTo(1);
      assertThat(
              count(
                  app.meters, "miandeng.client.errors", "api", "requestAuthCode", "errno", "other"))
          .isEqualTo(1);
      assertThat(app.meters.find("miandeng.client.errors").counters()).hasSize(2);

      // 2 good + 8 bad spent the address's 10 tokens: the next report is refused, and counted.
      HttpResponse<String> limited = report(page, "{\"api\":\"requestAccess\",\"errno\":\"103\"}");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(count(app.meters, "miandeng.rate.limited", "limit", "client_errors")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("Micrometer's Jetty binders work on the Jetty that Javalin brings")
  void jettyBinders() {
    try (TestApp app = TestApp.start()) {
      assertThat(app.browser().get("/health/live").statusCode()).isEqualTo(200);
      assertThat(app.meters.get("jetty.threads.current").gauge().value()).isPositive();
      assertThat(app.meters.find("jetty.connections.current").gauge()).isNotNull();
      assertThat(app.meters.find("jetty.connections.bytes.in").summary()).isNotNull();
    }
  }

  private static HttpResponse<String> report(Browser page, String json) {
    return page.post(ClientErrorBeacon.PATH, json);
  }
}
