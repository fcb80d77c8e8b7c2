package dev.miandeng.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.login.LoginResult;
import dev.miandeng.application.login.StartBrowserLoginUseCase;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BrowserLoginTest {

  private final Core core = new Core();
  private final VerifiedIdentity alice =
      new VerifiedIdentity(People.alice(), People.aliceProfile());

  /**
   * Plays the provider's part: peeks at the verifier the start stored, as Feishu keeps the
   * challenge.
   */
  private AuthorizationCode userApproves(LoginState state) {
    PendingLogin pending = core.loginStates.consume(state, core.clock.instant()).orElseThrow();
    core.loginStates.save(pending);
    PkceVerifier verifier = pending.verifier().orElseThrow();
    return core.provider.issueBrowserCode(alice, verifier);
  }

  private StartBrowserLoginUseCase.Started start(String returnPath) {
    return core.useCases.startBrowserLogin().start(ReturnPath.parseOrHome(returnPath));
  }

  private LoginResult complete(LoginState state, AuthorizationCode code) {
    return core.useCases
        .finishLogin()
        .finish(
            new FinishLoginUseCase.Command(
                FinishLoginUseCase.Kind.BROWSER, Optional.of(state), code, Optional.empty()));
  }

  @Test
  @DisplayName("SEC-18 the browser login round trip: state, PKCE S256, return path")
  void roundTrip() {
    StartBrowserLoginUseCase.Started started = start("/reports?week=3");
    assertThat(started.authorizeUrl().getRawQuery())
        .contains("state=" + started.state().value())
        .contains("code_challenge_method=S256");

    LoginResult result = complete(started.state(), userApproves(started.state()));

    assertThat(result)
        .isInstanceOfSatisfying(
            LoginResult.LoggedIn.class,
            in -> {
              assertThat(in.returnPath()).isEqualTo(new ReturnPath("/reports?week=3"));
              assertThat(in.user().identity()).isEqualTo(alice.identity());
            });
  }

  @Test
  @DisplayName("SEC-21 an unsafe return path comes back as /")
  void unsafeReturnPathsBecomeHome() {
    StartBrowserLoginUseCase.Started started = start("//evil.example/steal");

    var in = (LoginResult.LoggedIn) complete(started.state(), userApproves(started.state()));

    assertThat(in.returnPath()).isEqualTo(ReturnPath.HOME);
  }

  @Test
  @DisplayName("SEC-20 a replayed callback is refused before any upstream call")
  void aReplayedCallbackIsRefusedWithoutAnExchange() {
    StartBrowserLoginUseCase.Started started = start("/");
    AuthorizationCode code = userApproves(started.state());
    complete(started.state(), code);
    int exchangesBefore = core.provider.exchanges();

    assertThat(complete(started.state(), code)).isInstanceOf(LoginResult.StateRejected.class);
    assertThat(core.provider.exchanges()).isEqualTo(exchangesBefore);
  }

  @Test
  @DisplayName("SEC-17 an expired state is refused and opens no session")
  void anExpiredStateIsRefused() {
    StartBrowserLoginUseCase.Started started = start("/");
    AuthorizationCode code = userApproves(started.state());
    core.clock.advance(Core.LOGIN_TTL);

    assertThat(complete(started.state(), code)).isInstanceOf(LoginResult.StateRejected.class);
    assertThat(core.provider.exchanges()).isZero();
  }

  @Test
  @DisplayName(
      "SEC-17 a callback without a bound state is refused before any store or upstream call")
  void anAbsentStateIsRefused() {
    StartBrowserLoginUseCase.Started started = start("/");
    AuthorizationCode code = userApproves(started.state());

    LoginResult result =
        core.useCases
            .finishLogin()
            .finish(
                new FinishLoginUseCase.Command(
                    FinishLoginUseCase.Kind.BROWSER, Optional.empty(), code, Optional.empty()));

    assertThat(result).isInstanceOf(LoginResult.StateRejected.class);
    assertThat(core.provider.exchanges()).isZero();
    assertThat(complete(started.state(), code))
        .as("the pending login was left alone")
        .isInstanceOf(LoginResult.LoggedIn.class);
  }

  @Test
  @DisplayName("SEC-14 a client nonce cannot finish a browser login")
  void aClientNonceCannotFinishABrowserLogin() {
    LoginState nonce = core.useCases.issueLoginNonce().issue();

    assertThat(complete(nonce, new AuthorizationCode("whatever")))
        .isInstanceOf(LoginResult.StateRejected.class);
  }
}
