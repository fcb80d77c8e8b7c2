package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.adapter.persistence.jdbi.SqlErrors.guard;

import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link LoginStates} in the {@code login_states} table. Never cached: single use must hold across
 * instances.
 *
 * <p>Consumption is portable and atomic without {@code DELETE … RETURNING} (PostgreSQL only): one
 * transaction reads the row, then deletes it, and only the caller whose DELETE removed exactly one
 * row gets it. A concurrent consumer's DELETE waits for the winner's row lock and then finds the
 * row gone (0 rows), on PostgreSQL and on H2 alike (SEC-17).
 */
public final class JdbiLoginStates implements LoginStates {

  private final Jdbi jdbi;

  JdbiLoginStates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void save(PendingLogin login) {
    guard(
        "save a login state",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate(
                            "insert into login_states (state, pkce_verifier, return_path,"
                                + " expires_at) values (:state, :verifier, :returnPath,"
                                + " :expiresAt)")
                        .bind("state", login.state().value())
                        .bind("verifier", login.verifier().map(PkceVerifier::value).orElse(null))
                        .bind("returnPath", login.returnPath().value())
                        .bind("expiresAt", login.expiresAt())
                        .execute()));
  }

  @Override
  public Optional<PendingLogin> consume(LoginState state, Instant now) {
    return guard("consume a login state", () -> jdbi.inTransaction(handle -> take(handle, state)))
        // An expired state is consumed all the same: it is gone for good, and refused.
        .filter(login -> !login.isExpiredAt(now));
  }

  private static Optional<PendingLogin> take(Handle handle, LoginState state) {
    Optional<PendingLogin> found =
        handle
            .createQuery(
                "select state, pkce_verifier, return_path, expires_at from login_states"
                    + " where state = :state")
            .bind("state", state.value())
            .map(JdbiLoginStates::map)
            .findOne();
    if (found.isEmpty()) {
      return found;
    }
    int deleted =
        handle
            .createUpdate("delete from login_states where state = :state")
            .bind("state", state.value())
            .execute();
    return deleted == 1 ? found : Optional.empty();
  }

  @Override
  public int deleteExpired(Instant now) {
    return guard(
        "sweep expired login states",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createUpdate("delete from login_states where expires_at <= :now")
                        .bind("now", now)
                        .execute()));
  }

  private static PendingLogin map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PendingLogin(
        new LoginState(rs.getString("state")),
        Optional.ofNullable(rs.getString("pkce_verifier")).map(PkceVerifier::new),
        new ReturnPath(rs.getString("return_path")),
        JdbiFactory.instant(rs, "expires_at"));
  }
}
