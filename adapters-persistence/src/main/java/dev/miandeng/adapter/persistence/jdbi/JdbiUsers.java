package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.adapter.persistence.jdbi.SqlErrors.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.miandeng.domain.identity.AccountKey;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link Users} in the {@code users} table, unique on (tenant_key, open_id).
 *
 * <p>A login is an UPDATE of the existing row; only when none exists an INSERT follows, and when a
 * concurrent first login won that race (unique violation) the UPDATE runs again. Plain statements
 * in auto-commit, so this works alike on H2 and PostgreSQL without {@code ON CONFLICT} or {@code
 * MERGE} dialects, and a failed INSERT never poisons a transaction (REL-12).
 *
 * <p>{@link #findById} runs on every authenticated request, so it is cached for a few seconds;
 * {@link #recordLogin} evicts the user on this instance, other instances see a new profile within
 * the cache TTL (a user still read is reloaded in the background shortly before, see {@link
 * JdbiStores}).
 *
 * <p>A cached user shares what it can with the rest of the cache: its id is the key's instance (the
 * one the session holds), and its tenant key the one string of that tenant ({@link #TENANTS}), so
 * each cached user costs its own names and URLs and no copies of shared ones.
 */
public final class JdbiUsers implements Users {

  private static final String COLUMNS =
      "id, tenant_key, open_id, union_id, employee_id, name, english_name, avatar_url, email,"
          + " first_login_at, last_login_at";

  private static final String REFRESH =
      "update users set union_id = :unionId, employee_id = :employeeId, name = :name,"
          + " english_name = :englishName, avatar_url = :avatarUrl, email = :email,"
          + " last_login_at = greatest(last_login_at, :now)"
          + " where tenant_key = :tenantKey and open_id = :openId";

  private static final String CREATE =
      "insert into users ("
          + COLUMNS
          + ") values (:id, :tenantKey, :openId, :unionId, :employeeId, :name, :englishName,"
          + " :avatarUrl, :email, :now, :now)";

  /**
   * The tenant keys met, each kept once: every user of a tenant carries the same key. Bounded, as a
   * login's tenant comes from outside; a tenant past the bound just costs a copy per user.
   */
  private static final Cache<String, String> TENANTS =
      Caffeine.newBuilder().maximumSize(1_000).build();

  private final Jdbi jdbi;
  private final Cache<UserId, User> byId;

  JdbiUsers(Jdbi jdbi, Cache<UserId, User> byId) {
    this.jdbi = jdbi;
    this.byId = byId;
  }

  @Override
  public User recordLogin(Identity identity, Profile profile, Instant now) {
    User user =
        guard(
            "record a login",
            () -> jdbi.withHandle(handle -> upsert(handle, identity, profile, now)));
    byId.invalidate(user.id());
    return user;
  }

  private static User upsert(Handle handle, Identity identity, Profile profile, Instant now) {
    if (refresh(handle, identity, profile, now) == 0) {
      try {
        handle
            .createUpdate(CREATE)
            .bind("id", UUID.randomUUID())
            .bind("tenantKey", identity.tenantKey())
            .bind("openId", identity.openId())
            .bind("unionId", identity.unionId())
            .bind("employeeId", identity.userId().orElse(null))
            .bind("name", profile.name())
            .bind("englishName", profile.englishName())
            .bind("avatarUrl", profile.avatarUrl())
            .bind("email", profile.email().orElse(null))
            .bind("now", now)
            .execute();
      } catch (JdbiException e) {
        if (!SqlErrors.isUniqueViolation(e)) {
          throw e;
        }
        // A concurrent first login created the row between our UPDATE and INSERT: join it.
        refresh(handle, identity, profile, now);
      }
    }
    return selectByKey(handle, identity.accountKey())
        .orElseThrow(
            () ->
                new StoreMisuseException(
                    "the user row vanished during a login; users are never deleted", null));
  }

  private static int refresh(Handle handle, Identity identity, Profile profile, Instant now) {
    return handle
        .createUpdate(REFRESH)
        .bind("unionId", identity.unionId())
        .bind("employeeId", identity.userId().orElse(null))
        .bind("name", profile.name())
        .bind("englishName", profile.englishName())
        .bind("avatarUrl", profile.avatarUrl())
        .bind("email", profile.email().orElse(null))
        .bind("now", now)
        .bind("tenantKey", identity.tenantKey())
        .bind("openId", identity.openId())
        .execute();
  }

  @Override
  public Optional<User> findById(UserId id) {
    User cached = byId.getIfPresent(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<User> stored = select(jdbi, id).map(user -> cached(id, user));
    stored.ifPresent(user -> byId.put(id, user));
    return stored;
  }

  /**
   * The user as the cache keeps it: with {@code id} (equal to its own) and the shared tenant key.
   */
  static User cached(UserId id, User user) {
    Identity identity = user.identity();
    String tenant = TENANTS.get(identity.tenantKey(), key -> key);
    return new User(
        id,
        new Identity(tenant, identity.openId(), identity.unionId(), identity.userId()),
        user.profile(),
        user.firstLogin(),
        user.lastLogin());
  }

  /** Reads the user's row, never cached; also the cache's background reload. */
  static Optional<User> select(Jdbi jdbi, UserId id) {
    return guard(
        "find a user",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery("select " + COLUMNS + " from users where id = :id")
                        .bind("id", id.value())
                        .map(JdbiUsers::map)
                        .findOne()));
  }

  private static Optional<User> selectByKey(Handle handle, AccountKey key) {
    return handle
        .createQuery(
            "select " + COLUMNS + " from users where tenant_key = :tenantKey and open_id = :openId")
        .bind("tenantKey", key.tenantKey())
        .bind("openId", key.openId())
        .map(JdbiUsers::map)
        .findOne();
  }

  private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
    Identity identity =
        new Identity(
            rs.getString("tenant_key"),
            rs.getString("open_id"),
            rs.getString("union_id"),
            Optional.ofNullable(rs.getString("employee_id")));
    Profile profile =
        new Profile(
            rs.getString("name"),
            rs.getString("english_name"),
            rs.getString("avatar_url"),
            Optional.ofNullable(rs.getString("email")));
    return new User(
        new UserId(rs.getObject("id", UUID.class)),
        identity,
        profile,
        JdbiFactory.instant(rs, "first_login_at"),
        JdbiFactory.instant(rs, "last_login_at"));
  }
}
