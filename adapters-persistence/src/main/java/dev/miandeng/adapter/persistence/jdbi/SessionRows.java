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

  void insert(Session session) {
    guard(
        "save a session",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate(
                            "insert into sessions (id_hash, user_id, created_at, last_seen_at,"
                                + " expires_at) values (:id, :userId, :createdAt, :lastSeenAt,"
                                + " :expiresAt)")
                        .bind("id", session.id().hex())
                        .bind("userId", session.userId().value())
                        .bind("createdAt", session.createdAt())
                        .bind("lastSeenAt", session.lastSeenAt())
                        .bind("expiresAt", session.expiresAt())
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

  /** Moves "last seen" forward only, so a late, slow touch never rewinds a newer one. */
  int touch(SessionTokenHash id, Instant lastSeenAt) {
    return guard(
        "touch a session",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate(
                            "update sessions set last_seen_at = :at"
                                + " where id_hash = :id and last_seen_at < :at")
                        .bind("id", id.hex())
                        .bind("at", lastSeenAt)
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

  /**
   * Two single-column range deletes, each served by its own index, rather than one OR that an
   * engine may answer with a full scan.
   */
  int deleteExpired(Instant now, Instant idleCutoff) {
    return guard(
        "sweep expired sessions",
        () ->
            jdbi.inTransaction(
                handle ->
                    handle
                            .createUpdate("delete from sessions where expires_at <= :now")
                            .bind("now", now)
                            .execute()
                        + handle
                            .createUpdate("delete from sessions where last_seen_at <= :cutoff")
                            .bind("cutoff", idleCutoff)
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
