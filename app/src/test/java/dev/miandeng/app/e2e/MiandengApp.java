package dev.miandeng.app.e2e;

import dev.miandeng.app.AppOnSimulator;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatedUser;
import dev.miandeng.simulator.SimulatorControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole app on its simulator, started once per test class (register it as a static
 * {@code @RegisterExtension} field) on a random port with in-memory stores: the JDBI stores have
 * their own tests, and a browser test should fail only for what the browser sees. The simulator's
 * switches and counters go back to their defaults before every test.
 */
final class MiandengApp implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private AppOnSimulator app;

  @Override
  public void beforeAll(ExtensionContext context) {
    app =
        AppOnSimulator.start(
            Map.of(
                "MIANDENG_PERSISTENCE", "memory",
                // Every browser of a class logs in from 127.0.0.1; the default limit (20 per
                // minute, SEC-33, tested in adapters-web) would turn later tests into 429s.
                "MIANDENG_LOGIN_RATE_LIMIT", "10000",
                "MIANDENG_LOGIN_RATE_LIMIT_PER_ADDRESS", "10000",
                // No balancer probes a test app: close at once, no REL-10 delay.
                "MIANDENG_SHUTDOWN_DELAY", "1ms"));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (app != null) {
      app.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    control().reset();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:41234}. */
  URI url() {
    return app.url();
  }

  FeishuSimulator simulator() {
    return app.simulator();
  }

  SimulatorControl control() {
    return simulator().control();
  }

  /** The client's default user: the first one on the roster. */
  SimulatedUser firstUser() {
    return simulator().roster().getFirst();
  }

  SimulatedUser user(String description, Predicate<SimulatedUser> which) {
    return simulator().roster().stream()
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no roster user " + description));
  }

  /** Code exchanges of either flavour (OAuth v2 or OIDC v1), failed ones included. */
  int codeExchanges() {
    return control().count(SimulatedEndpoint.OAUTH_TOKEN)
        + control().count(SimulatedEndpoint.OIDC_ACCESS_TOKEN);
  }

  /** The status of {@code GET /api/me} sent with exactly this Cookie header (none if blank). */
  int meStatus(String cookieHeader) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url().resolve("/api/me")).timeout(Duration.ofSeconds(10)).GET();
    if (!cookieHeader.isBlank()) {
      request.header("Cookie", cookieHeader);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
