package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.adapter.persistence.jdbi.SqlErrors.guard;

import dev.miandeng.adapter.persistence.crypto.SealedToken;
import dev.miandeng.adapter.persistence.crypto.TokenCipher;
import dev.miandeng.adapter.persistence.crypto.TokenUnreadableException;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UserTokens} in the {@code user_tokens} table, the two tokens sealed by a {@link
 * TokenCipher} with the user id and the column bound as context (SEC-23). Never cached: a refresh
 * on one instance must be seen by the next read on any other.
 *
 * <p>{@link #changeExclusively} holds the row with {@code SELECT … FOR UPDATE} in one transaction
 * around the decision, on PostgreSQL and H2 alike: a second caller on any instance waits for the
 * row, then reads what the first left (SEC-24, REL-06). The decision may be a refresh grant over
 * the network, so the wait is bounded by {@link #LOCK_WAIT}.
 *
 * <p>A row that cannot be opened (its key left the ring, or it was altered) reads as no grant; each
 * such key id is logged once per process, at WARN, without any value.
 */
public final class JdbiUserTokens implements UserTokens {

  /**
   * How long a caller waits for another's hold on the same grant before failing as an outage. The
   * holder is waiting for a refresh grant, which the Feishu adapter bounds by its connect and read
   * timeouts (2 s + 5 s by default, never retried: REL-01, REL-02); kept under PostgreSQL's 10 s
   * socket timeout (see {@link ConnectionPools}) so the wait ends as a lock timeout, not as a
   * broken connection.
   */
  static final Duration LOCK_WAIT = Duration.ofSeconds(9);

  private static final Logger LOG = LoggerFactory.getLogger(JdbiUserTokens.class);

  private static final String COLUMNS =
      "user_id, key_id, access_token, access_expires_at, refresh_token, refresh_expires_at,"
          + " scopes, version";

  private static final String VALUES =
      "key_id = :keyId, access_token = :accessToken, access_expires_at = :accessExpiresAt,"
          + " refresh_token = :refreshToken, refresh_expires_at = :refreshExpiresAt,"
          + " scopes = :scopes, version = version + 1";

  private final Jdbi jdbi;
  private final TokenCipher cipher;
  private final Set<String> reportedKeys = ConcurrentHashMap.newKeySet();

  JdbiUserTokens(Jdbi jdbi, TokenCipher cipher) {
    this.jdbi = jdbi;
    this.cipher = cipher;
  }

  @Override
  public void save(UserId userId, UserGrant grant) {
    guard("save a user grant", () -> jdbi.withHandle(handle -> upsert(handle, userId, grant)));
  }

  private int upsert(Handle handle, UserId userId, UserGrant grant) {
    if (update(handle, userId, grant) == 1) {
      return 1;
    }
    try {
      return bindGrant(
              handle.createUpdate(
                  "insert into user_tokens ("
                      + COLUMNS
                      + ") values (:userId, :keyId, :accessToken, :accessExpiresAt,"
                      + " :refreshToken, :refreshExpiresAt, :scopes, 1)"),
              userId,
              grant)
          .execute();
    } catch (JdbiException e) {
      if (!SqlErrors.isUniqueViolation(e)) {
        throw e;
      }
      // A concurrent save created the row between our UPDATE and INSERT: the later write wins.
      return update(handle, userId, grant);
    }
  }

  private int update(Handle handle, UserId userId, UserGrant grant) {
    return bindGrant(
            handle.createUpdate("update user_tokens set " + VALUES + " where user_id = :userId"),
            userId,
            grant)
        .execute();
  }

  private <S extends SqlStatement<S>> S bindGrant(S statement, UserId userId, UserGrant grant) {
    SealedToken access = cipher.seal(grant.accessToken(), context(userId, "access_token"));
    SealedToken refresh = cipher.seal(grant.refreshToken(), context(userId, "refresh_token"));
    return statement
        .bind("userId", userId.value())
        .bind("keyId", access.keyId())
        .bind("accessToken", access.text())
        .bind("accessExpiresAt", grant.accessExpiresAt())
        .bind("refreshToken", refresh.text())
        .bind("refreshExpiresAt", grant.refreshExpiresAt())
        .bind("scopes", String.join(" ", grant.scopes()));
  }

  @Override
  public Optional<StoredGrant> find(UserId userId) {
    return guard(
        "find a user grant", () -> jdbi.withHandle(handle -> select(handle, userId, false)));
  }

  @Override
  public Optional<StoredGrant> changeExclusively(UserId userId, GrantChange.Decision decision) {
    return guard(
        "change a user grant",
        () -> jdbi.inTransaction(handle -> change(handle, userId, decision)));
  }

  private Optional<StoredGrant> change(
      Handle handle, UserId userId, GrantChange.Decision decision) {
    boundLockWait(handle);
    Optional<StoredGrant> found = select(handle, userId, true);
    if (found.isEmpty()) {
      return found;
    }
    StoredGrant current = found.get();
    return switch (decision.decide(current)) {
      case GrantChange.Keep keep -> found;
      case GrantChange.Replace replace -> {
        update(handle, userId, replace.next());
        yield Optional.of(current.replacedBy(replace.next()));
      }
      case GrantChange.End end -> {
        delete(handle, userId);
        yield Optional.empty();
      }
    };
  }

  /** Both engines wait for a row lock, but each has its own default and its own setting. */
  private static void boundLockWait(Handle handle) {
    long millis = LOCK_WAIT.toMillis();
    String engine;
    try {
      engine = handle.getConnection().getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new ConnectionException(e);
    }
    // A setting takes no bound parameter; the value is our constant.
    handle.execute(
        "PostgreSQL".equals(engine)
            ? "set local lock_timeout = " + millis
            : "set lock_timeout " + millis);
  }

  @Override
  public int deleteAllOf(UserId userId) {
    return guard("delete a user grant", () -> jdbi.withHandle(handle -> delete(handle, userId)));
  }

  private static int delete(Handle handle, UserId userId) {
    return handle
        .createUpdate("delete from user_tokens where user_id = :userId")
        .bind("userId", userId.value())
        .execute();
  }

  private Optional<StoredGrant> select(Handle handle, UserId userId, boolean forUpdate) {
    return handle
        .createQuery(
            "select "
                + COLUMNS
                + " from user_tokens where user_id = :userId"
                + (forUpdate ? " for update" : ""))
        .bind("userId", userId.value())
        .map((rs, ctx) -> open(rs, userId))
        .findOne()
        .flatMap(grant -> grant);
  }

  private Optional<StoredGrant> open(ResultSet rs, UserId userId) throws SQLException {
    String keyId = rs.getString("key_id");
    try {
      UserGrant grant =
          new UserGrant(
              cipher.open(
                  new SealedToken(keyId, rs.getString("access_token")),
                  context(userId, "access_token")),
              JdbiFactory.instant(rs, "access_expires_at"),
              cipher.open(
                  new SealedToken(keyId, rs.getString("refresh_token")),
                  context(userId, "refresh_token")),
              JdbiFactory.instant(rs, "refresh_expires_at"),
              scopes(rs.getString("scopes")));
      return Optional.of(new StoredGrant(grant, rs.getLong("version")));
    } catch (TokenUnreadableException e) {
      if (reportedKeys.add(keyId + (e.keyGone() ? "" : " (check)"))) {
        LOG.warn(
            "stored user grants sealed with key id '{}' read as absent ({}): those users must"
                + " consent again; logged once per key id",
            keyId,
            e.keyGone() ? "that key is no longer in the token key ring" : "integrity check failed");
      }
      return Optional.empty();
    }
  }

  private static Set<String> scopes(String column) {
    return column.isEmpty()
        ? Set.of()
        : Arrays.stream(column.split(" ")).collect(Collectors.toUnmodifiableSet());
  }

  /** Binds a sealed value to its row and column: moved anywhere else, it fails to open. */
  private static String context(UserId userId, String column) {
    return "miandeng/user_tokens/" + column + "/" + userId;
  }
}
