package dev.miandeng.application.login;

import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Logs in with a client code, but only together with a nonce this server issued (SEC-14). */
public final class LogInWithCodeService implements LogInWithCodeUseCase {

  private final CodeLogin codeLogin;
  private final LoginStates loginStates;
  private final Clock clock;

  public LogInWithCodeService(CodeLogin codeLogin, LoginStates loginStates, Clock clock) {
    this.codeLogin = Objects.requireNonNull(codeLogin, "codeLogin");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public LoginResult logIn(Command command) {
    Optional<PendingLogin> pending;
    try {
      pending = loginStates.consume(command.nonce(), clock.instant());
    } catch (StoreUnavailableException e) {
      return new LoginResult.StoreUnavailable();
    }
    // A browser login's state is no nonce: each one-time value finishes only the flow it started.
    if (pending.isEmpty() || pending.get().isBrowserLogin()) {
      return new LoginResult.StateRejected();
    }
    return codeLogin.logIn(
        new CodeGrant.FromClient(command.code()),
        pending.get().returnPath(),
        command.previousSession());
  }
}
