package dev.miandeng.adapter.web;

import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.login.IssueLoginNonceUseCase;
import dev.miandeng.application.login.StartBrowserLoginUseCase;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.application.session.LogOutEverywhereUseCase;
import dev.miandeng.application.session.LogOutUseCase;
import java.util.Objects;

/**
 * The driving ports the web adapter calls: all it knows of the application. Their outage exceptions
 * are answered by {@link Outages}.
 */
public record WebUseCases(
    IssueLoginNonceUseCase issueLoginNonce,
    StartBrowserLoginUseCase startBrowserLogin,
    FinishLoginUseCase finishLogin,
    CurrentUserUseCase currentUser,
    LogOutUseCase logOut,
    LogOutEverywhereUseCase logOutEverywhere) {

  public WebUseCases {
    Objects.requireNonNull(issueLoginNonce, "issueLoginNonce");
    Objects.requireNonNull(startBrowserLogin, "startBrowserLogin");
    Objects.requireNonNull(finishLogin, "finishLogin");
    Objects.requireNonNull(currentUser, "currentUser");
    Objects.requireNonNull(logOut, "logOut");
    Objects.requireNonNull(logOutEverywhere, "logOutEverywhere");
  }
}
