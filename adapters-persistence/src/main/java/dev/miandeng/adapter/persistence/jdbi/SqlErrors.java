package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.domain.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps SQL errors behind the ports. SQLSTATE classes 22 (data), 23 (integrity) and 42 (syntax,
 * missing table) mean the code and the database disagree: a {@link StoreMisuseException}.
 * Everything else (connection refused or broken, pool timeout, shutdown, lock timeout, disk full)
 * is an outage the caller answers with a 503: a {@link StoreUnavailableException}.
 *
 * <p>Neither message nor log line carries a bound value: statements are rendered without their
 * arguments (see {@link JdbiFactory}), and only the driver's {@link SQLException} is kept as cause.
 */
final class SqlErrors {

  private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  /** Runs one store operation, translating whatever the database throws. */
  static <T> T guard(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw translate(operation, e);
    }
  }

  static RuntimeException translate(String operation, Throwable e) {
    Optional<SQLException> sql = sqlCause(e);
    String state = sql.map(SQLException::getSQLState).orElse(null);
    Throwable cause = sql.<Throwable>map(s -> s).orElse(e);
    if (isMisuse(state)) {
      LOG.error(
          "database refused to {} (SQLSTATE {}): a bug or a schema mismatch", operation, state);
      return new StoreMisuseException(
          "the database refused to " + operation + " (SQLSTATE " + state + ")", cause);
    }
    LOG.warn(
        "database unavailable, could not {} (SQLSTATE {}, {})",
        operation,
        state,
        cause.getClass().getSimpleName());
    return new StoreUnavailableException(
        "the database is unavailable: could not " + operation, cause);
  }

  static boolean isUniqueViolation(Throwable e) {
    return sqlCause(e).map(s -> UNIQUE_VIOLATION.equals(s.getSQLState())).orElse(false);
  }

  /** An outage as opposed to a bug: used when a failure at start-up must be told apart. */
  static boolean isOutage(Throwable e) {
    Optional<SQLException> sql = sqlCause(e);
    return sql.isPresent() && !isMisuse(sql.get().getSQLState());
  }

  private static boolean isMisuse(String state) {
    return state != null
        && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
  }

  private static Optional<SQLException> sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }
}
