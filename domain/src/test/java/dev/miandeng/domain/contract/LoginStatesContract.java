package dev.miandeng.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link LoginStates} implementation must do. */
public abstract class LoginStatesContract {

  protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The store for this test: empty, the same instance on every call within one test. */
  protected abstract LoginStates loginStates();

  private PendingLogin browserLogin(Instant at) {
    PendingLogin login =
        PendingLogin.browser(
            LoginState.generate(RANDOM),
            PkceVerifier.generate(RANDOM),
            new ReturnPath("/reports?week=3"),
            at,
            TTL);
    loginStates().save(login);
    return login;
  }

  @Test
  void aSavedLoginIsConsumedWholeOnce() {
    PendingLogin login = browserLogin(T0);

    assertThat(loginStates().consume(login.state(), T0.plusSeconds(30))).contains(login);
  }

  @Test
  void aClientNonceRoundTripsWithoutAVerifier() {
    PendingLogin nonce = PendingLogin.client(LoginState.generate(RANDOM), T0, TTL);
    loginStates().save(nonce);

    Optional<PendingLogin> consumed = loginStates().consume(nonce.state(), T0);

    assertThat(consumed).contains(nonce);
    assertThat(consumed.orElseThrow().isBrowserLogin()).isFalse();
  }

  @Test
  @DisplayName("SEC-17 SEC-20 a state is single use")
  void aSecondConsumeFindsNothing() {
    PendingLogin login = browserLogin(T0);
    loginStates().consume(login.state(), T0);

    assertThat(loginStates().consume(login.state(), T0)).isEmpty();
  }

  @Test
  @DisplayName("SEC-17 an expired state is refused")
  void anExpiredStateIsRefused() {
    PendingLogin login = browserLogin(T0);

    assertThat(loginStates().consume(login.state(), T0.plus(TTL))).isEmpty();
  }

  @Test
  @DisplayName("SEC-17 a state that was never issued is refused")
  void anUnknownStateIsRefused() {
    browserLogin(T0);

    assertThat(loginStates().consume(LoginState.generate(RANDOM), T0)).isEmpty();
  }

  @Test
  @DisplayName("SEC-17 of twenty concurrent consumers of one state exactly one wins")
  void concurrentConsumersHaveOneWinner() throws Exception {
    PendingLogin login = browserLogin(T0);

    List<Optional<PendingLogin>> results =
        Concurrently.run(20, () -> loginStates().consume(login.state(), T0));

    assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
  }

  @Test
  void theSweepDropsOnlyExpiredLogins() {
    PendingLogin old = browserLogin(T0);
    PendingLogin fresh = browserLogin(T0.plus(Duration.ofMinutes(9)));

    assertThat(loginStates().deleteExpired(T0.plus(TTL))).isEqualTo(1);

    assertThat(loginStates().consume(old.state(), T0)).isEmpty();
    assertThat(loginStates().consume(fresh.state(), T0.plus(TTL))).contains(fresh);
  }
}
