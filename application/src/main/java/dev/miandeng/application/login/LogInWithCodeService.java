package dev.miandeng.application.login;

import java.util.Objects;

/** Logs in with a client code, but only together with a nonce this server issued (SEC-14). */
public final class LogInWithCodeService implements LogInWithCodeUseCase {

  private final CodeLogin codeLogin;

  public LogInWithCodeService(CodeLogin codeLogin) {
    this.codeLogin = Objects.requireNonNull(codeLogin, "codeLogin");
  }

  @Override
  public LoginResult logIn(Command command) {
    return codeLogin.finishClientLogin(command.nonce(), command.code(), command.previousSession());
  }
}
