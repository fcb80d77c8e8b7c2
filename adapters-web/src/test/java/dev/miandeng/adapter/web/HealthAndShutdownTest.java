package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.fakes.ScriptedIdentityLookup;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthAndShutdownTest {

  @Test
  @DisplayName(
      "REL-08: liveness stays 200 while readiness follows the check (store down → 503, back → 200)")
  void readiness() {
    try (TestApp app = TestApp.start()) {
      Browser browser = app.browser();
      assertThat(browser.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(browser.get("/health/ready").statusCode()).isEqualTo(200);
      app.stores.goDown();
      HttpResponse<String> down = browser.get("/health/ready");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
      assertThat(browser.get("/health/live").statusCode()).isEqualTo(200);
      app.stores.comeBack();
      assertThat(browser.get("/health/ready").statusCode()).isEqualTo(200);
      app.ready.set(false);
      assertThat(browser.get("/health/ready").statusCode()).isEqualTo(503);
    }
  }

  @Test
  @DisplayName(
      "REL-08: HEAD probes see what GET sees: readiness 503 while the store is down, /api/me 401"
          + " without a session, and HEAD /login stores no login state (SEC-13)")
  void headAnswersLikeGet() {
    try (TestApp app = TestApp.start()) {
      Browser browser = app.browser();
      assertThat(browser.send("HEAD", "/health/ready").statusCode()).isEqualTo(200);
      app.stores.goDown();
      assertThat(browser.send("HEAD", "/health/ready").statusCode()).isEqualTo(503);
      assertThat(browser.send("HEAD", "/health/live").statusCode()).isEqualTo(200);
      app.stores.comeBack();
      assertThat(browser.send("HEAD", "/api/me").statusCode()).isEqualTo(401);
      HttpResponse<String> login = browser.send("HEAD", "/login");
      assertThat(login.statusCode()).isNotEqualTo(302);
      assertThat(login.headers().allValues("Set-Cookie")).isEmpty();
    }
  }

  @Test
  @DisplayName("a port another process holds ends start-up with PortInUseException naming it")
  void portInUse() throws IOException {
    try (java.net.ServerSocket held =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = held.getLocalPort();

      assertThatThrownBy(() -> TestApp.start(s -> s.withAddress("127.0.0.1", port)))
          .isInstanceOf(PortInUseException.class)
          .hasMessage("127.0.0.1:" + port + " is already in use");
    }
  }

  /** An identity provider that holds every exchange until the test lets it go. */
  private static final class HeldIdentityLookup implements IdentityLookup {
    final ScriptedIdentityLookup scripted = new ScriptedIdentityLookup();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public VerifiedIdentity identify(CodeGrant grant) {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return scripted.identify(grant);
    }

    @Override
    public URI authorizeUrl(
        String state, PkceVerifier verifier, java.util.Set<String> extraScopes) {
      return scripted.authorizeUrl(state, verifier, extraScopes);
    }
  }

  @Test
  @DisplayName(
      "REL-10: stop turns readiness 503 first, lets the in-flight login finish, then closes")
  void gracefulStop() throws Exception {
    HeldIdentityLookup held = new HeldIdentityLookup();
    TestApp app = TestApp.withIdentityLookup(held);
    Browser browser = app.browser();
    String nonce = browser.nonce();
    String code = held.scripted.issueClientCode(TestApp.alice()).code().value();
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(
            () -> browser.post("/api/session", SessionApiTest.body(code, nonce)));
    assertThat(held.entered.await(20, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(app.server::stop);
    // Readiness flips while the server still answers: the load balancer sees it before the close.
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + "/health/ready"))
            .build();
    int status = 200;
    for (int i = 0; i < 2_000 && status == 200; i++) {
      status = client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
    assertThat(status).isEqualTo(503);
    assertThat(stopping).isNotDone();

    held.release.countDown();
    HttpResponse<String> finished = inFlight.get(20, TimeUnit.SECONDS);
    assertThat(finished.statusCode()).isEqualTo(200);
    assertThat(finished.body()).contains("\"tenantKey\":\"tenant-acme\"");
    stopping.get(20, TimeUnit.SECONDS);
    assertThatThrownBy(() -> client.send(ready, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName(
      "REL-10: on stop (SIGTERM) readiness answers 503 at once while the server keeps serving"
          + " new requests normally for the shutdown delay, then it drains and closes")
  void keepsServingForOneProbePeriod() throws Exception {
    TestApp app = TestApp.start(s -> s.withShutdown(Duration.ofSeconds(5), Duration.ofSeconds(20)));
    Browser browser = app.browser();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(app.server::stop);
    int status = 200;
    for (int i = 0; i < 2_000 && status == 200; i++) {
      status = browser.get("/health/ready").statusCode();
    }
    assertThat(status).isEqualTo(503);

    // The balancer has not seen the 503 yet: a whole login started now still completes.
    assertThat(browser.logInAsAlice().statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(browser.get("/health/live").statusCode()).isEqualTo(200);

    stopping.get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> browser.get("/health/live")).hasRootCauseInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("REL-10: the shutdown delay and grace must not be negative")
  void delayValidated() {
    assertThatThrownBy(
            () ->
                WebSettings.of(URI.create(TestApp.PUBLIC_URL), TestApp.CLIENT)
                    .withShutdown(Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shutdownDelay");
    assertThat(WebSettings.of(URI.create(TestApp.PUBLIC_URL), TestApp.CLIENT).shutdownDelay())
        .isEqualTo(WebSettings.DEFAULT_SHUTDOWN_DELAY);
  }
}
