package dev.miandeng.adapter.web;

import dev.miandeng.adapter.persistence.memory.DisabledUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryUserTokens;
import dev.miandeng.application.CoreSettings;
import dev.miandeng.application.DrivenPorts;
import dev.miandeng.application.UseCases;
import dev.miandeng.domain.fakes.KnownTicketSigner;
import dev.miandeng.domain.fakes.RotatingRefresher;
import dev.miandeng.domain.fakes.ScriptedIdentityLookup;
import dev.miandeng.domain.fakes.ScriptedMyTasks;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.ClientLoginSettings;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.token.UserTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * A started WebServer on 127.0.0.1:0 with the REAL use cases, wired as the app wires them ({@link
 * UseCases#wire}), over in-memory stores, a scripted identity provider and a hand-moved clock.
 */
final class TestApp implements AutoCloseable {

  static final String PUBLIC_URL = "http://app.example.test";

  /** The JSAPI ticket the tests' signer holds (Feishu's sample ticket). */
  static final String JSAPI_TICKET = "0560604568baf296731aa37f0c8ebe3e049c19d7";

  /** What the identity side tells the page in these tests: Feishu's JSSDK, no extra scopes. */
  static final ClientLoginSettings CLIENT =
      new ClientLoginSettings(
          "cli_test",
          List.of(),
          URI.create("https://lf-scm-cn.feishucdn.com/lark/op/h5-js-sdk-1.5.44.js"),
          Set.of());

  final MutableClock clock = new MutableClock();
  final ScriptedIdentityLookup idp = new ScriptedIdentityLookup();
  final SwitchableStores stores = new SwitchableStores();
  final UserTokens userTokens;
  final RotatingRefresher refresher = new RotatingRefresher(clock, Duration.ZERO);
  final KnownTicketSigner jsapiSigner = new KnownTicketSigner("cli_test", JSAPI_TICKET, clock);
  final ScriptedMyTasks myTasks = new ScriptedMyTasks();
  final AtomicBoolean ready = new AtomicBoolean(true);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final WebSettings settings;
  final WebServer server;
  final int port;

  private TestApp(
      String publicUrl,
      ClientLoginSettings client,
      UnaryOperator<WebSettings> tune,
      UnaryOperator<IdentityLookup> identity,
      UnaryOperator<UseCases> swap) {
    this(publicUrl, client, tune, identity, swap, new InMemoryUserTokens());
  }

  private TestApp(
      String publicUrl,
      ClientLoginSettings client,
      UnaryOperator<WebSettings> tune,
      UnaryOperator<IdentityLookup> identity,
      UnaryOperator<UseCases> swap,
      UserTokens userTokens) {
    this.userTokens = userTokens;
    UseCases useCases =
        UseCases.wire(
            new DrivenPorts(
                identity.apply(idp),
                stores.users(),
                stores.sessions(),
                stores.loginStates(),
                userTokens,
                refresher,
                jsapiSigner,
                myTasks),
            new CoreSettings(
                new TenantAllowList(Set.of(People.TENANT)),
                SessionPolicy.DEFAULT,
                Duration.ofMinutes(5)),
            clock,
            new SecureRandom());
    settings =
        tune.apply(
            WebSettings.of(URI.create(publicUrl), client)
                .withAddress("127.0.0.1", 0)
                .withShutdown(Duration.ZERO, Duration.ofSeconds(20)));
    server =
        new WebServer(
            swap.apply(useCases), () -> ready.get() && stores.isUp(), settings, clock, meters);
    port = server.start();
  }

  static TestApp start() {
    return start(s -> s);
  }

  static TestApp start(UnaryOperator<WebSettings> tune) {
    return new TestApp(
        PUBLIC_URL, CLIENT, tune, UnaryOperator.identity(), UnaryOperator.identity());
  }

  static TestApp withClient(ClientLoginSettings client) {
    return new TestApp(
        PUBLIC_URL, client, s -> s, UnaryOperator.identity(), UnaryOperator.identity());
  }

  static TestApp startAt(String publicUrl) {
    return new TestApp(
        publicUrl, CLIENT, s -> s, UnaryOperator.identity(), UnaryOperator.identity());
  }

  static TestApp withUseCases(UnaryOperator<UseCases> swap) {
    return new TestApp(PUBLIC_URL, CLIENT, s -> s, UnaryOperator.identity(), swap);
  }

  /** A server whose token vault is off (no token key): it keeps no grant. */
  static TestApp withoutTokenVault() {
    return new TestApp(
        PUBLIC_URL,
        CLIENT,
        s -> s,
        UnaryOperator.identity(),
        UnaryOperator.identity(),
        new DisabledUserTokens());
  }

  static TestApp withIdentityLookup(IdentityLookup identity) {
    return new TestApp(PUBLIC_URL, CLIENT, s -> s, idp -> identity, UnaryOperator.identity());
  }

  /** A server whose identity lookup is {@code around} the scripted one, with {@code tune}. */
  static TestApp withIdentityLookup(
      UnaryOperator<IdentityLookup> around, UnaryOperator<WebSettings> tune) {
    return new TestApp(PUBLIC_URL, CLIENT, tune, around, UnaryOperator.identity());
  }

  Browser browser() {
    return new Browser(this);
  }

  /** A fresh single-use client code for alice (the tenant on the allow-list). */
  String clientCodeForAlice() {
    return idp.issueClientCode(alice()).code().value();
  }

  /** A browser login started at /login: the state Feishu brings back and the stored verifier. */
  record StartedLogin(int status, String state, PkceVerifier verifier) {}

  /** GET /login in this browser; the state and verifier are null when it did not answer 302. */
  StartedLogin startBrowserLogin(Browser browser) {
    HttpResponse<String> start = browser.get("/login");
    if (start.statusCode() != 302) {
      return new StartedLogin(start.statusCode(), null, null);
    }
    String state =
        URI.create(start.headers().firstValue("Location").orElseThrow())
            .getQuery()
            .replaceAll(".*state=([^&]+).*", "$1");
    return new StartedLogin(302, state, stores.lastPendingLogin().verifier().orElseThrow());
  }

  /** The provider's redirect back to /callback with a code for alice issued for this login. */
  HttpResponse<String> finishBrowserLogin(Browser browser, StartedLogin login) {
    String code = idp.issueBrowserCode(alice(), login.verifier()).value();
    return browser.get("/callback?code=" + code + "&state=" + login.state());
  }

  static VerifiedIdentity alice() {
    return new VerifiedIdentity(People.alice(), People.aliceProfile());
  }

  @Override
  public void close() {
    server.stop();
  }
}
