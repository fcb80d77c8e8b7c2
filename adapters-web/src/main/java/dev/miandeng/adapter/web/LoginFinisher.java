package dev.miandeng.adapter.web;

import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.login.LoginResult;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.login.LoginState;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * What the code post and the browser callback share once their input is parsed: the one-time value
 * counts only when it is bound to this browser (its cookie, compared in constant time: SEC-14,
 * SEC-17), the use case decides, a session goes into the cookie, and a refusal becomes the answer
 * of {@link LoginFailures}. Outages pass through to {@link Outages}.
 */
final class LoginFinisher {

  private final FinishLoginUseCase finishLogin;
  private final Cookies cookies;
  private final SecurityEvents events;
  private final WebMetrics metrics;

  LoginFinisher(
      FinishLoginUseCase finishLogin, Cookies cookies, SecurityEvents events, WebMetrics metrics) {
    this.finishLogin = finishLogin;
    this.cookies = cookies;
    this.events = events;
    this.metrics = metrics;
  }

  /**
   * @param raw the nonce or state the request carried (untrusted, possibly absent)
   * @param bound the value of the cookie that binds it to this browser, if any
   * @param code the code the request carried, already parsed
   * @return the login, whose session cookie is already set
   * @throws RequestRejectedException the login was refused
   */
  LoginResult.LoggedIn finish(
      Context ctx,
      LoginRateLimiter.Attempt attempt,
      FinishLoginUseCase.Kind kind,
      String raw,
      Optional<String> bound,
      AuthorizationCode code) {
    Optional<LoginState> value =
        LoginState.parse(raw).filter(parsed -> ConstantTime.equal(raw, bound.orElse(null)));
    if (value.isEmpty()) {
      events.record(ctx, "state_mismatch", "refused");
    }
    LoginResult result =
        finishLogin.finish(new FinishLoginUseCase.Command(kind, value, code, cookies.session(ctx)));
    return switch (result) {
      case LoginResult.LoggedIn loggedIn -> {
        attempt.succeeded();
        cookies.setSession(ctx, loggedIn.token());
        events.record(ctx, "login", "ok", UserJson.key(loggedIn.user()));
        metrics.login("logged_in");
        yield loggedIn;
      }
      case LoginResult.Refused refused -> {
        String outcome = LoginFailures.outcome(refused);
        events.record(ctx, "login", outcome);
        metrics.login(outcome);
        throw LoginFailures.of(refused);
      }
    };
  }
}
