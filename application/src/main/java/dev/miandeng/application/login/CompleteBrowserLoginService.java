package dev.miandeng.application.login;

import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Finishes a browser login. The state is consumed before the code is sent anywhere, so a replayed
 * callback is refused without an upstream call (SEC-20).
 */
public final class CompleteBrowserLoginService implements CompleteBrowserLoginUseCase {

  private final CodeLogin codeLogin;
  private final LoginStates loginStates;
  private final Clock clock;

  public CompleteBrowserLoginService(CodeLogin codeLogin, LoginStates loginStates, Clock clock) {
    this.codeLogin = Objects.requireNonNull(codeLogin, "codeLogin");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public LoginResult complete(Command command) {
    Optional<PendingLogin> pending;
    try {
      pending = loginStates.consume(command.state(), clock.instant());
    } catch (StoreUnavailableException e) {
      return new LoginResult.StoreUnavailable();
    }
    if (pending.isEmpty() || !pending.get().isBrowserLogin()) {
      return new LoginResult.StateRejected();
    }
    PendingLogin login = pending.get();
    return codeLogin.logIn(
        new CodeGrant.FromBrowser(command.code(), login.verifier().orElseThrow()),
        login.returnPath(),
        command.previousSession());
  }
}
