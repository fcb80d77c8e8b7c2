package dev.miandeng.application.login;

import java.util.Objects;

/** Finishes a browser login at the callback: state first, then the code (SEC-17, SEC-20). */
public final class CompleteBrowserLoginService implements CompleteBrowserLoginUseCase {

  private final CodeLogin codeLogin;

  public CompleteBrowserLoginService(CodeLogin codeLogin) {
    this.codeLogin = Objects.requireNonNull(codeLogin, "codeLogin");
  }

  @Override
  public LoginResult complete(Command command) {
    return codeLogin.finishBrowserLogin(command.state(), command.code(), command.previousSession());
  }
}
