package dev.miandeng.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.login.LoginResult;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.ReturnPath;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The client login (a code from the Feishu client with a nonce) through {@code FinishLogin}. */
class ClientLoginTest {

  private final Core core = new Core();
  private final VerifiedIdentity alice =
      new VerifiedIdentity(People.alice(), People.aliceProfile());

  private LoginState nonce() {
    return core.issueNonce.issue();
  }

  private LoginResult logIn(CodeGrant.FromClient grant, Optional<SessionToken> previous) {
    return finish(core, grant.code(), nonce(), previous);
  }

  private static LoginResult finish(
      Core core, AuthorizationCode code, LoginState nonce, Optional<SessionToken> previous) {
    return core.finishLogin.finish(
        new FinishLoginUseCase.Command(
            FinishLoginUseCase.Kind.CLIENT, Optional.of(nonce), code, previous));
  }

  private LoginResult.LoggedIn logInAlice() {
    return (LoginResult.LoggedIn) logIn(core.provider.issueClientCode(alice), Optional.empty());
  }

  @Test
  void aClientCodeWithAnIssuedNonceLogsIn() {
    LoginResult.LoggedIn result = logInAlice();

    assertThat(result.user().identity()).isEqualTo(alice.identity());
    assertThat(result.user().profile()).isEqualTo(alice.profile());
    assertThat(core.currentUser.current(result.token()))
        .isInstanceOfSatisfying(
            CurrentUserUseCase.Authenticated.class,
            a -> assertThat(a.user().id()).isEqualTo(result.user().id()));
  }

  @Test
  @DisplayName("SEC-14 a code without a nonce this server issued is refused before any exchange")
  void aForeignNonceIsRefused() {
    CodeGrant.FromClient grant = core.provider.issueClientCode(alice);
    LoginState forged = LoginState.generate(new SecureRandom());

    LoginResult result = finish(core, grant.code(), forged, Optional.empty());

    assertThat(result).isInstanceOf(LoginResult.StateRejected.class);
    assertThat(core.provider.exchanges()).isZero();
  }

  @Test
  @DisplayName("SEC-14 a nonce is single use")
  void aNonceIsSingleUse() {
    LoginState nonce = nonce();
    finish(core, core.provider.issueClientCode(alice).code(), nonce, Optional.empty());

    LoginResult again =
        finish(core, core.provider.issueClientCode(alice).code(), nonce, Optional.empty());

    assertThat(again).isInstanceOf(LoginResult.StateRejected.class);
  }

  @Test
  @DisplayName("SEC-14 SEC-17 an expired nonce is refused")
  void anExpiredNonceIsRefused() {
    LoginState nonce = nonce();
    core.clock.advance(Core.LOGIN_TTL);

    LoginResult result =
        finish(core, core.provider.issueClientCode(alice).code(), nonce, Optional.empty());

    assertThat(result).isInstanceOf(LoginResult.StateRejected.class);
  }

  @Test
  @DisplayName("SEC-14 a browser login's state cannot stand in for a client nonce")
  void aBrowserStateIsNoNonce() {
    var started = core.startBrowserLogin.start(ReturnPath.HOME);

    LoginResult result =
        finish(
            core, core.provider.issueClientCode(alice).code(), started.state(), Optional.empty());

    assertThat(result).isInstanceOf(LoginResult.StateRejected.class);
  }

  @Test
  @DisplayName("SEC-03 every login gets a new session id, and the one held before it is dead")
  void loginReplacesThePreviousSession() {
    LoginResult.LoggedIn first = logInAlice();

    var second =
        (LoginResult.LoggedIn)
            logIn(core.provider.issueClientCode(alice), Optional.of(first.token()));

    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(core.currentUser.current(first.token()))
        .isInstanceOf(CurrentUserUseCase.Anonymous.class);
    assertThat(core.currentUser.current(second.token()))
        .isInstanceOf(CurrentUserUseCase.Authenticated.class);
  }

  @Test
  void aUsedCodeIsRefused() {
    CodeGrant.FromClient grant = core.provider.issueClientCode(alice);
    logIn(grant, Optional.empty());

    assertThat(logIn(grant, Optional.empty())).isInstanceOf(LoginResult.CodeRefused.class);
  }

  @Test
  void aRefusedPersonIsAResult() {
    core.provider.failWith(new UserNotAllowedException("resigned"));
    assertThat(logIn(core.provider.issueClientCode(alice), Optional.empty()))
        .isEqualTo(new LoginResult.UserNotAllowed("resigned"));
  }

  @Test
  @DisplayName(
      "REL-03 an auth center outage or misconfiguration passes through as the port's exception")
  void outagesPassThrough() {
    AuthCenterUnavailableException down =
        new AuthCenterUnavailableException(
            "rate limited", Optional.of(Duration.ofSeconds(7)), null);
    core.provider.failWith(down);
    assertThatThrownBy(() -> logIn(core.provider.issueClientCode(alice), Optional.empty()))
        .isSameAs(down);

    AuthCenterMisconfiguredException wrong =
        new AuthCenterMisconfiguredException("check FEISHU_APP_SECRET");
    core.provider.failWith(wrong);
    assertThatThrownBy(() -> logIn(core.provider.issueClientCode(alice), Optional.empty()))
        .isSameAs(wrong);
    assertThat(core.sessions.deleteExpired(core.clock.instant().plus(Duration.ofDays(1))))
        .as("no failed login opened a session")
        .isZero();
  }

  @Test
  @DisplayName("SEC-22 a tenant outside the allow-list is refused and gets no session")
  void tenantsOutsideTheAllowListAreRefused() {
    Core strict = new Core(new TenantAllowList(Set.of(People.TENANT)));
    VerifiedIdentity mallory = new VerifiedIdentity(People.mallory(), People.profileOf("Mallory"));
    LoginState nonce = strict.issueNonce.issue();

    LoginResult result =
        finish(strict, strict.provider.issueClientCode(mallory).code(), nonce, Optional.empty());

    assertThat(result).isInstanceOf(LoginResult.TenantNotAllowed.class);
    Instant later = strict.clock.instant().plusSeconds(1);
    assertThat(strict.users.recordLogin(mallory.identity(), mallory.profile(), later).firstLogin())
        .as("no user was recorded for the refused login")
        .isEqualTo(later);
  }

  @Test
  @DisplayName("REL-12 concurrent first logins of one person give one user")
  void concurrentFirstLoginsGiveOneUser() throws Exception {
    Identity dave = People.identity(People.TENANT, "ou_dave");
    VerifiedIdentity daveVerified = new VerifiedIdentity(dave, People.profileOf("Dave"));

    List<LoginResult> results =
        Concurrently.run(
            20, () -> logIn(core.provider.issueClientCode(daveVerified), Optional.empty()));

    assertThat(results)
        .allSatisfy(r -> assertThat(r).isInstanceOf(LoginResult.LoggedIn.class))
        .extracting(r -> ((LoginResult.LoggedIn) r).user())
        .extracting(User::id)
        .containsOnly(((LoginResult.LoggedIn) results.getFirst()).user().id());
  }
}
