package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.fakes.ScriptedMyTasks;
import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.domain.task.Task;
import dev.miandeng.domain.token.ScopeNotGrantedException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET /api/me/tasks and the browser login's extra scopes, over the real use cases. */
class TasksApiTest {

  private final TestApp app = TestApp.start();

  @AfterEach
  void stop() {
    app.close();
  }

  /** A browser logged in as alice whose login brought {@code grant} (offline_access). */
  private Browser aliceWithGrant(UserGrant grant) {
    return aliceWithGrant(app, grant);
  }

  /** The same on {@code server}. */
  private static Browser aliceWithGrant(TestApp server, UserGrant grant) {
    Browser browser = server.browser();
    String code =
        server
            .idp
            .issueClientCode(
                new VerifiedIdentity(People.alice(), People.aliceProfile(), Optional.of(grant)))
            .code()
            .value();
    assertThat(browser.logInWithCode(code).statusCode()).isEqualTo(200);
    return browser;
  }

  @Test
  void withoutASessionIs401() {
    HttpResponse<String> response = app.browser().get("/api/me/tasks");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("{\"error\":\"unauthenticated\"");
  }

  @Test
  void theTasksReadWithTheUsersToken() {
    Browser browser = aliceWithGrant(Grants.issued("login", app.clock.instant()));
    app.myTasks.answer(
        List.of(
            new Task(
                "g1", "<b>Report</b>", Optional.of(Instant.parse("2026-12-01T00:00:00Z")), false),
            new Task("g2", "Done", Optional.empty(), true)));

    HttpResponse<String> response = browser.get("/api/me/tasks");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    assertThat(response.body())
        .isEqualTo(
            "{\"tasks\":[{\"id\":\"g1\",\"summary\":\"<b>Report</b>\","
                + "\"due\":\"2026-12-01T00:00:00Z\",\"completed\":false},"
                + "{\"id\":\"g2\",\"summary\":\"Done\",\"completed\":true}]}");
    assertThat(app.myTasks.tokensSeen()).containsExactly("u-login");
    assertThat(response.body()).doesNotContain("u-login");
  }

  @Test
  void noGrantIs403WithTheScopesToAskFor() {
    Browser browser = app.browser();
    browser.logInAsAlice();

    HttpResponse<String> response = browser.get("/api/me/tasks");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .startsWith("{\"error\":\"consent_needed\",\"message\":")
        .contains("\"requestId\":")
        .endsWith(",\"missingScopes\":[\"offline_access\",\"task:task:read\"]}");
  }

  @Test
  @DisplayName(
      "a server that keeps no user tokens answers 501 token_vault_off, with no scopes to consent"
          + " to and no Retry-After, even right after a login that brought a grant")
  void withoutATokenVaultIs501TokenVaultOff() {
    try (TestApp off = TestApp.withoutTokenVault()) {
      Browser browser = aliceWithGrant(off, Grants.issued("login", off.clock.instant()));

      HttpResponse<String> response = browser.get("/api/me/tasks");

      assertThat(response.statusCode()).isEqualTo(501);
      assertThat(response.body())
          .startsWith("{\"error\":\"token_vault_off\",\"message\":")
          .contains("MIANDENG_TOKEN_KEY", "\"requestId\":")
          .doesNotContain("missingScopes");
      assertThat(response.headers().firstValue("Retry-After")).isEmpty();
      assertThat(response.headers().firstValue("Cache-Control"))
          .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
      assertThat(off.myTasks.tokensSeen()).isEmpty();
    }
  }

  @Test
  void aScopeFeishuSaysIsMissingIs403NamingIt() {
    Browser browser = aliceWithGrant(Grants.issued("login", app.clock.instant()));
    app.myTasks.fail(
        () -> new ScopeNotGrantedException(Set.of("task:task:read", "task:task:write")));

    HttpResponse<String> response = browser.get("/api/me/tasks");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("\"missingScopes\":[\"offline_access\",\"task:task:read\"]");
  }

  @Test
  @DisplayName(
      "REL-06: an outage during the token's refresh is 503 with Retry-After and the grant stays")
  void anOutageDuringTheRefreshIs503AndKeepsTheGrant() {
    Browser browser =
        aliceWithGrant(Grants.expiringAt("old", app.clock.instant().plus(Duration.ofMinutes(1))));
    app.refresher.failWith(new AuthCenterUnavailableException("Feishu is down", null));

    HttpResponse<String> response = browser.get("/api/me/tasks");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body()).startsWith("{\"error\":");
    assertThat(app.myTasks.tokensSeen()).isEmpty();

    app.refresher.recover();
    assertThat(browser.get("/api/me/tasks").statusCode()).isEqualTo(200);
    assertThat(app.myTasks.tokensSeen()).containsExactly("u-r2");
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void theBrowserLoginCarriesTheScopesThePageAsksFor() {
    HttpResponse<String> start =
        app.browser().get("/login?scope=task:task:read%20offline_access&return=/");

    assertThat(start.statusCode()).isEqualTo(302);
    String location = start.headers().firstValue("Location").orElseThrow();
    assertThat(URI.create(location).getRawQuery())
        .contains("scope=offline_access%20task:task:read");
    assertThat(ScriptedMyTasks.SCOPE).isEqualTo("task:task:read");
  }

  @Test
  void aScopeTheAppNeverAsksForIsRefusedWith400AndNoLoginStarts() {
    HttpResponse<String> start =
        app.browser().get("/login?scope=contact:contact:readonly", "Accept", "application/json");

    assertThat(start.statusCode()).isEqualTo(400);
    assertThat(start.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void aMalformedScopeIsRefusedWith400() {
    assertThat(app.browser().get("/login?scope=%3Cscript%3E").statusCode()).isEqualTo(400);
  }
}
