package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.app.AppInstances;
import dev.miandeng.app.AppInstances.Instance;
import dev.miandeng.app.AppOnSimulator;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-client login as the page makes it (a nonce, then the code post), against one instance: the
 * whole path that keeps the user's OAuth grant, the simulator's default scope carrying {@code
 * offline_access}.
 */
final class InClientLogin {

  private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]+)\"");

  /** Who logged in, and the browser holding the session. */
  record LoggedIn(UserId userId, Client browser) {}

  private InClientLogin() {}

  /**
   * The login as the first person on the simulator's roster, against a single app.
   *
   * @return the browser holding the session
   */
  static Client logIn(AppOnSimulator app) throws Exception {
    FeishuSimulator feishu = app.simulator();
    return logIn(
        new Client(app.url().toString()),
        URI.create(app.url() + "/"),
        feishu,
        feishu.roster().getFirst().openId());
  }

  static LoggedIn logIn(AppInstances apps, Instance instance, String openId) throws Exception {
    Client browser = logIn(new Client(apps.origin()), instance.url(), apps.simulator(), openId);
    SessionToken token = SessionToken.parse(browser.cookie("mdl_session")).orElseThrow();
    CurrentUserUseCase.Result who = instance.useCases().currentUser().current(token);
    assertThat(who).isInstanceOf(CurrentUserUseCase.Authenticated.class);
    return new LoggedIn(((CurrentUserUseCase.Authenticated) who).user().id(), browser);
  }

  /** The nonce, a code the simulator issues for {@code openId}, the session post: 200 each. */
  private static Client logIn(Client browser, URI instance, FeishuSimulator feishu, String openId)
      throws Exception {
    HttpResponse<String> nonce = browser.post(instance, "/api/login/nonce", "{}");
    assertThat(nonce.statusCode()).as(nonce.body()).isEqualTo(200);
    Matcher m = NONCE.matcher(nonce.body());
    assertThat(m.find()).as(nonce.body()).isTrue();
    String code = feishu.control().issueCode(openId, CodeKind.REQUEST_ACCESS);

    HttpResponse<String> session =
        browser.post(
            instance,
            "/api/session",
            "{\"code\":\"" + code + "\",\"nonce\":\"" + m.group(1) + "\"}");

    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    return browser;
  }
}
