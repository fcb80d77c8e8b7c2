package dev.miandeng.adapter.persistence.jdbi;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells the pool to drop a connection whenever the driver says the connection itself failed.
 * HikariCP recognises PostgreSQL's SQLSTATE class 08, but not H2's own codes for a broken link
 * (90067, 90121, …); without this, a connection cut off while in use would go back to the pool and
 * be handed out again and again after the database returned (REL-08).
 */
final class EvictBrokenConnections implements SQLExceptionOverride {

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    return e instanceof SQLNonTransientConnectionException
            || e instanceof SQLTransientConnectionException
            || e instanceof SQLRecoverableException
        ? Override.MUST_EVICT
        : Override.CONTINUE_EVICT;
  }
}
