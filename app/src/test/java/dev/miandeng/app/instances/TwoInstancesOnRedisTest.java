package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.adapter.redis.RedisSettings;
import dev.miandeng.adapter.redis.RedisTestServer;
import dev.miandeng.app.Miandeng;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances in one JVM, each on its own random port, as behind a round-robin balancer:
 * sessions and pending logins in one Redis (a key prefix of their own), users in one database (an
 * H2 file both open), one Feishu simulator as the shared auth center. Requests go to the instance
 * the test names; the browser's origin is the balancer's (instance A's address stands in for it).
 */
class TwoInstancesOnRedisTest {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]+)\"");

  @TempDir Path dataDir;

  private final List<AutoCloseable> started = new ArrayList<>();
  private FeishuSimulator feishu;
  private URI a;
  private URI b;
  private String balancer;

  @BeforeEach
  void startTwoInstances() {
    RedisSettings redis = REDIS.freshSettings();
    int portA = freePort();
    balancer = "http://127.0.0.1:" + portA;
    feishu =
        FeishuSimulator.start(
            SimulatorSettings.defaults().withRedirectUris(List.of(balancer + "/callback")));
    started.add(feishu);
    a = start(portA, redis);
    b = start(freePort(), redis);
  }

  private URI start(int port, RedisSettings redis) {
    Map<String, String> config = new HashMap<>();
    config.put("MIANDENG_PORT", String.valueOf(port));
    config.put("MIANDENG_PUBLIC_BASE_URL", balancer);
    config.put("MIANDENG_LOGIN_RATE_LIMIT", "10000");
    // No balancer probes these instances: stop at once instead of serving on for a probe period.
    config.put("MIANDENG_SHUTDOWN_DELAY", "1ms");
    config.put("MIANDENG_DATA_DIR", dataDir.toString());
    config.put("MIANDENG_SESSIONS", "redis");
    config.put("MIANDENG_LOGIN_STATES", "redis");
    config.put("MIANDENG_REDIS_URL", redis.url().toString());
    config.put("MIANDENG_REDIS_KEY_PREFIX", redis.keyPrefix());
    config.putAll(feishu.appEnvironment());
    Miandeng app =
        Miandeng.start(AppConfigReader.read(ConfigSources.of(config)), Clock.systemUTC());
    started.add(app);
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }

  /** The in-client flow: a nonce from {@code start}, the code post to {@code finish}. */
  private Client logInInClient(URI start, URI finish) throws Exception {
    Client browser = new Client(balancer);
    HttpResponse<String> nonce = browser.post(start, "/api/login/nonce", "{}");
    assertThat(nonce.statusCode()).isEqualTo(200);
    Matcher m = NONCE.matcher(nonce.body());
    assertThat(m.find()).isTrue();
    String code = feishu.control().issueCode(firstUser(), CodeKind.REQUEST_ACCESS);

    HttpResponse<String> session =
        browser.post(
            finish, "/api/session", "{\"code\":\"" + code + "\",\"nonce\":\"" + m.group(1) + "\"}");

    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    return browser;
  }

  private String firstUser() {
    return feishu.roster().getFirst().openId();
  }

  @Test
  @DisplayName(
      "REL-13 a login started on one instance finishes on the other, and the session it makes is"
          + " valid on both")
  void inClientLoginAcrossInstances() throws Exception {
    Client browser = logInInClient(a, b);

    assertThat(browser.get(a, "/api/me").statusCode()).isEqualTo(200);
    assertThat(browser.get(b, "/api/me").body()).contains(feishu.roster().getFirst().name());
  }

  @Test
  @DisplayName(
      "REL-13 SEC-17 a browser login (state + PKCE verifier in Redis) started on one instance"
          + " finishes on the other; the replayed callback is refused there too")
  void browserLoginAcrossInstances() throws Exception {
    Client browser = new Client(balancer);
    HttpResponse<String> login = browser.get(a, "/login?return=/reports");
    assertThat(login.statusCode()).isEqualTo(302);
    URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
    Map<String, String> query = query(authorize);
    String code =
        feishu
            .control()
            .issueCode(
                firstUser(),
                CodeKind.BROWSER,
                query.get("code_challenge"),
                query.get("redirect_uri"));
    String callback = "/callback?code=" + code + "&state=" + query.get("state");

    HttpResponse<String> finished = browser.get(b, callback);

    assertThat(finished.statusCode()).as(finished.body()).isEqualTo(302);
    assertThat(finished.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/reports"));
    assertThat(browser.get(a, "/api/me").statusCode()).isEqualTo(200);
    assertThat(browser.get(a, callback).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "REL-13 SEC-10 \"log out everywhere\" on one instance is refused on the other on the very"
          + " next request: no per-instance cache stands in the way")
  void logOutEverywhereReachesTheOtherInstanceAtOnce() throws Exception {
    Client phone = logInInClient(a, a);
    Client laptop = logInInClient(b, b);
    // Both sessions have just been used on instance B.
    assertThat(phone.get(b, "/api/me").statusCode()).isEqualTo(200);
    assertThat(laptop.get(b, "/api/me").statusCode()).isEqualTo(200);
    String laptopSession = laptop.cookie("mdl_session");

    assertThat(phone.post(a, "/api/logout-everywhere", "{}").statusCode()).isEqualTo(204);

    assertThat(laptop.cookie("mdl_session")).isEqualTo(laptopSession);
    assertThat(laptop.get(b, "/api/me").statusCode()).isEqualTo(401);
    assertThat(laptop.get(a, "/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("SEC-09 a logout on one instance is refused on the other on the very next request")
  void logOutReachesTheOtherInstanceAtOnce() throws Exception {
    Client browser = logInInClient(a, b);
    String session = browser.cookie("mdl_session");
    assertThat(browser.get(b, "/api/me").statusCode()).isEqualTo(200);

    assertThat(browser.post(a, "/api/logout", "{}").statusCode()).isEqualTo(204);

    Client replayed = new Client(balancer).withCookie("mdl_session", session);
    assertThat(replayed.get(b, "/api/me").statusCode()).isEqualTo(401);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
