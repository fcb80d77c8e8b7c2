package dev.miandeng.adapter.web;

import dev.miandeng.application.login.CompleteBrowserLoginUseCase;
import dev.miandeng.application.login.IssueLoginNonceUseCase;
import dev.miandeng.application.login.LogInWithCodeUseCase;
import dev.miandeng.application.login.StartBrowserLoginUseCase;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.application.session.LogOutEverywhereUseCase;
import dev.miandeng.application.session.LogOutUseCase;
import java.util.Objects;

/** The driving ports the web adapter calls: all it knows of the application. */
public record WebUseCases(
    LogInWithCodeUseCase logInWithCode,
    IssueLoginNonceUseCase issueLoginNonce,
    StartBrowserLoginUseCase startBrowserLogin,
    CompleteBrowserLoginUseCase completeBrowserLogin,
    CurrentUserUseCase currentUser,
    LogOutUseCase logOut,
    LogOutEverywhereUseCase logOutEverywhere) {

  public WebUseCases {
    Objects.requireNonNull(logInWithCode, "logInWithCode");
    Objects.requireNonNull(issueLoginNonce, "issueLoginNonce");
    Objects.requireNonNull(startBrowserLogin, "startBrowserLogin");
    Objects.requireNonNull(completeBrowserLogin, "completeBrowserLogin");
    Objects.requireNonNull(currentUser, "currentUser");
    Objects.requireNonNull(logOut, "logOut");
    Objects.requireNonNull(logOutEverywhere, "logOutEverywhere");
  }
}
