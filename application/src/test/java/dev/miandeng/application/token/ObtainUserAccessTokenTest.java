package dev.miandeng.application.token;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.persistence.memory.DisabledUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryUsers;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.ConsentNeeded;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Result;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.TokensNotKept;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Usable;
import dev.miandeng.domain.fakes.RotatingRefresher;
import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The refresh rules, on the in-memory vault and a Feishu-like rotating refresh grant. */
class ObtainUserAccessTokenTest {

  private static final Duration MARGIN = ObtainUserAccessTokenService.REFRESH_MARGIN;

  private final MutableClock clock = new MutableClock();
  private final InMemoryUserTokens tokens = new InMemoryUserTokens();
  private final RotatingRefresher upstream = new RotatingRefresher(clock, Duration.ofMillis(20));
  private final ObtainUserAccessTokenService service =
      new ObtainUserAccessTokenService(tokens, upstream, clock);
  private final UserId alice =
      new InMemoryUsers().recordLogin(alice(), profileOf("alice"), clock.instant()).id();

  private UserGrant storedExpiringIn(Duration left) {
    UserGrant grant = Grants.expiringAt("login", clock.instant().plus(left));
    tokens.save(alice, grant);
    return grant;
  }

  @Test
  void aTokenWithMoreThanTheMarginLeftIsUsedAsItIs() {
    UserGrant grant = storedExpiringIn(MARGIN.plusSeconds(1));

    assertThat(service.obtain(alice))
        .isEqualTo(new Usable("u-login", grant.accessExpiresAt(), grant.scopes()));
    assertThat(upstream.calls()).isZero();
  }

  @Test
  void aTokenInItsLastMinutesIsRefreshedFirstAndTheRotatedGrantKept() {
    storedExpiringIn(MARGIN);

    Result result = service.obtain(alice);

    Instant now = clock.instant();
    assertThat(result)
        .isEqualTo(
            new Usable(
                "u-r1", now.plus(Grants.ACCESS_LIFETIME), Grants.issued("r1", now).scopes()));
    assertThat(tokens.find(alice)).contains(new StoredGrant(Grants.issued("r1", now), 2));
    assertThat(service.obtain(alice)).isEqualTo(result);
    assertThat(upstream.calls()).isEqualTo(1);
  }

  @Test
  void anExpiredAccessTokenIsRefreshedToo() {
    storedExpiringIn(Duration.ofMinutes(-30));

    assertThat(service.obtain(alice))
        .isInstanceOfSatisfying(
            Usable.class, usable -> assertThat(usable.accessToken()).isEqualTo("u-r1"));
  }

  @Test
  void aVaultThatKeepsNoGrantsIsTokensNotKeptNotConsentNeeded() {
    ObtainUserAccessTokenService off =
        new ObtainUserAccessTokenService(new DisabledUserTokens(), upstream, clock);

    assertThat(off.obtain(alice)).isEqualTo(new TokensNotKept());
    assertThat(upstream.calls()).isZero();
  }

  @Test
  void withoutAGrantConsentIsNeeded() {
    assertThat(service.obtain(alice)).isEqualTo(new ConsentNeeded());
    assertThat(upstream.calls()).isZero();
  }

  @Test
  @DisplayName("REL-06 an outage during the refresh reaches the caller and leaves the grant intact")
  void anOutageDuringTheRefreshKeepsTheGrant() {
    UserGrant grant = storedExpiringIn(Duration.ofMinutes(1));
    AuthCenterUnavailableException outage =
        new AuthCenterUnavailableException("HTTP 503 from the auth center", null);
    upstream.failWith(outage);

    assertThatThrownBy(() -> service.obtain(alice)).isSameAs(outage);

    assertThat(tokens.find(alice)).contains(new StoredGrant(grant, 1));
    upstream.recover();
    assertThat(service.obtain(alice))
        .isInstanceOfSatisfying(
            Usable.class, usable -> assertThat(usable.accessToken()).isEqualTo("u-r2"));
  }

  @Test
  void aRefreshTokenTheServerRefusesEndsTheGrant() {
    UserGrant grant = storedExpiringIn(Duration.ofMinutes(1));
    upstream.revoke(grant.refreshToken());

    assertThat(service.obtain(alice)).isEqualTo(new ConsentNeeded());

    assertThat(tokens.find(alice)).isEmpty();
    assertThat(upstream.calls()).isEqualTo(1);
  }

  @Test
  void anExpiredRefreshTokenEndsTheGrantWithoutAsking() {
    storedExpiringIn(Duration.ofMinutes(1));
    clock.advance(Grants.REFRESH_LIFETIME.plusMinutes(1));

    assertThat(service.obtain(alice)).isEqualTo(new ConsentNeeded());

    assertThat(tokens.find(alice)).isEmpty();
    assertThat(upstream.calls()).isZero();
  }

  @Test
  @DisplayName(
      "SEC-24 REL-06 concurrent callers on one instance make one refresh, all get its token")
  void concurrentCallersMakeOneRefresh() throws Exception {
    storedExpiringIn(Duration.ofMinutes(1));

    List<Result> results = Concurrently.run(8, () -> service.obtain(alice));

    assertThat(upstream.calls()).isEqualTo(1);
    assertThat(results).allMatch(r -> r instanceof Usable u && u.accessToken().equals("u-r1"));
  }

  @Test
  @DisplayName(
      "SEC-24 a caller that waited takes the rotated grant even when it is short-lived:"
          + " no second refresh of one rotation")
  void aWaiterTakesAShortLivedRotatedGrant() throws Exception {
    storedExpiringIn(Duration.ofMinutes(1));
    int callers = 8;
    // Every caller has read the old grant before the refresh answers: they all wait for it, none
    // comes late and reads the rotated one (which, being short-lived, it would refresh again).
    CountDownLatch allRead = new CountDownLatch(callers);
    UserTokens reading =
        new UserTokens() {
          @Override
          public void save(UserId userId, UserGrant grant) {
            tokens.save(userId, grant);
          }

          @Override
          public Optional<StoredGrant> find(UserId userId) {
            Optional<StoredGrant> found = tokens.find(userId);
            allRead.countDown();
            return found;
          }

          @Override
          public Optional<StoredGrant> changeExclusively(
              UserId userId, GrantChange.Decision decision) {
            return tokens.changeExclusively(userId, decision);
          }

          @Override
          public int deleteAllOf(UserId userId) {
            return tokens.deleteAllOf(userId);
          }
        };
    AtomicInteger calls = new AtomicInteger();
    ObtainUserAccessTokenService shortLived =
        new ObtainUserAccessTokenService(
            reading,
            current -> {
              calls.incrementAndGet();
              awaitUninterruptibly(allRead);
              return Grants.expiringAt("short", clock.instant().plus(MARGIN.dividedBy(2)));
            },
            clock);

    List<Result> results = Concurrently.run(callers, () -> shortLived.obtain(alice));

    assertThat(calls).hasValue(1);
    assertThat(results).allMatch(r -> r instanceof Usable u && u.accessToken().equals("u-short"));
  }

  @Test
  @DisplayName("SEC-23 a usable token prints masked")
  void theTokenIsMaskedInPrint() {
    storedExpiringIn(Duration.ofHours(1));

    assertThat(service.obtain(alice).toString()).doesNotContain("u-login").contains("masked");
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not every caller read the grant");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
