package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.adapter.persistence.jdbi.SqlErrors.guard;

import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code sessions} table, without any caching; every value is a bound parameter. */
final class SessionRows {

  private final Jdbi jdbi;

  SessionRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(Session session, Instant keepUntil) {
    guard(
        "save a session",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate(
                            "insert into sessions (id_hash, user_id, created_at, last_seen_at,"
                                + " expires_at, keep_until) values (:id, :userId, :createdAt,"
                                + " :lastSeenAt, :expiresAt, :keepUntil)")
                        .bind("id", session.id().hex())
                        .bind("userId", session.userId().value())
                        .bind("createdAt", session.createdAt())
                        .bind("lastSeenAt", session.lastSeenAt())
                        .bind("expiresAt", session.expiresAt())
                        .bind("keepUntil", keepUntil)
                        .execute()));
  }

  Optional<Session> find(SessionTokenHash id) {
    return guard(
        "find a session",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "select id_hash, user_id, created_at, last_seen_at, expires_at"
                                + " from sessions where id_hash = :id")
                        .bind("id", id.hex())
                        .map(SessionRows::map)
                        .findOne()));
  }

  /**
   * Moves "last seen" and the keep-until forward only, so a late, slow touch never rewinds a newer
   * one.
   */
  int touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
    return guard(
        "touch a session",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate(
                            "update sessions set last_seen_at = :at, keep_until = :keepUntil"
                                + " where id_hash = :id and last_seen_at < :at")
                        .bind("id", id.hex())
                        .bind("at", lastSeenAt)
                        .bind("keepUntil", keepUntil)
                        .execute()));
  }

  int delete(SessionTokenHash id) {
    return guard(
        "delete a session",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate("delete from sessions where id_hash = :id")
                        .bind("id", id.hex())
                        .execute()));
  }

  int deleteAllOf(UserId userId) {
    return guard(
        "delete a user's sessions",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate("delete from sessions where user_id = :userId")
                        .bind("userId", userId.value())
                        .execute()));
  }

  /** One range delete, served by the {@code sessions_keep_until} index. */
  int deleteExpired(Instant now) {
    return guard(
        "sweep expired sessions",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate("delete from sessions where keep_until <= :now")
                        .bind("now", now)
                        .execute()));
  }

  private static Session map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Session(
        new SessionTokenHash(rs.getString("id_hash")),
        new UserId(rs.getObject("user_id", UUID.class)),
        JdbiFactory.instant(rs, "created_at"),
        JdbiFactory.instant(rs, "last_seen_at"),
        JdbiFactory.instant(rs, "expires_at"));
  }
}
