package dev.miandeng.application;

import dev.miandeng.application.jsapi.SignJsapiConfigService;
import dev.miandeng.application.jsapi.SignJsapiConfigUseCase;
import dev.miandeng.application.login.FinishLoginService;
import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.login.IssueLoginNonceService;
import dev.miandeng.application.login.IssueLoginNonceUseCase;
import dev.miandeng.application.login.StartBrowserLoginService;
import dev.miandeng.application.login.StartBrowserLoginUseCase;
import dev.miandeng.application.session.CurrentUserService;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.application.session.LogOutEverywhereService;
import dev.miandeng.application.session.LogOutEverywhereUseCase;
import dev.miandeng.application.session.LogOutService;
import dev.miandeng.application.session.LogOutUseCase;
import dev.miandeng.application.session.SweepExpiredService;
import dev.miandeng.application.session.SweepExpiredUseCase;
import dev.miandeng.application.task.ListMyTasksService;
import dev.miandeng.application.task.ListMyTasksUseCase;
import dev.miandeng.application.token.ObtainUserAccessTokenService;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Every driving port of the application, and the one place that builds them from the driven ports
 * ({@link #wire}). The composition root and every test harness wire the core through it; driving
 * adapters receive this record and call only the interfaces it holds.
 */
public record UseCases(
    IssueLoginNonceUseCase issueLoginNonce,
    StartBrowserLoginUseCase startBrowserLogin,
    FinishLoginUseCase finishLogin,
    CurrentUserUseCase currentUser,
    LogOutUseCase logOut,
    LogOutEverywhereUseCase logOutEverywhere,
    SweepExpiredUseCase sweepExpired,
    ObtainUserAccessTokenUseCase obtainUserAccessToken,
    SignJsapiConfigUseCase signJsapiConfig,
    ListMyTasksUseCase listMyTasks) {

  public UseCases {
    Objects.requireNonNull(issueLoginNonce, "issueLoginNonce");
    Objects.requireNonNull(startBrowserLogin, "startBrowserLogin");
    Objects.requireNonNull(finishLogin, "finishLogin");
    Objects.requireNonNull(currentUser, "currentUser");
    Objects.requireNonNull(logOut, "logOut");
    Objects.requireNonNull(logOutEverywhere, "logOutEverywhere");
    Objects.requireNonNull(sweepExpired, "sweepExpired");
    Objects.requireNonNull(obtainUserAccessToken, "obtainUserAccessToken");
    Objects.requireNonNull(signJsapiConfig, "signJsapiConfig");
    Objects.requireNonNull(listMyTasks, "listMyTasks");
  }

  /**
   * Builds every use case over the given ports.
   *
   * @param clock the time every expiry is judged by (sessions, pending logins)
   * @param random the source of session tokens, login nonces, states and PKCE verifiers
   */
  public static UseCases wire(
      DrivenPorts ports, CoreSettings settings, Clock clock, SecureRandom random) {
    ObtainUserAccessTokenService obtainUserAccessToken =
        new ObtainUserAccessTokenService(ports.userTokens(), ports.userTokenRefresher(), clock);
    return new UseCases(
        new IssueLoginNonceService(ports.loginStates(), settings.loginTtl(), clock, random),
        new StartBrowserLoginService(
            ports.identityLookup(),
            ports.loginStates(),
            settings.loginTtl(),
            clock,
            random,
            ListMyTasksService.consentable(ports.myTasks())),
        new FinishLoginService(
            ports.identityLookup(),
            ports.users(),
            ports.sessions(),
            ports.loginStates(),
            settings.tenants(),
            settings.sessionPolicy(),
            clock,
            random,
            ports.userTokens()),
        new CurrentUserService(
            ports.sessions(), ports.users(), settings.tenants(), settings.sessionPolicy(), clock),
        new LogOutService(ports.sessions()),
        new LogOutEverywhereService(ports.sessions(), ports.userTokens()),
        new SweepExpiredService(ports.sessions(), ports.loginStates(), clock),
        obtainUserAccessToken,
        new SignJsapiConfigService(ports.jsapiConfigSigner()),
        new ListMyTasksService(obtainUserAccessToken, ports.myTasks()));
  }
}
