package dev.miandeng.application.login;

import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Issues the one-time nonce a page sends back with its client code. */
public final class IssueLoginNonceService implements IssueLoginNonceUseCase {

  private final LoginStates loginStates;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random;

  public IssueLoginNonceService(
      LoginStates loginStates, Duration ttl, Clock clock, SecureRandom random) {
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public LoginState issue() {
    LoginState nonce = LoginState.generate(random);
    loginStates.save(PendingLogin.client(nonce, clock.instant(), ttl));
    return nonce;
  }
}
