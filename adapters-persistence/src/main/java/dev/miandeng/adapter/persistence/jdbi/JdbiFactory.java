package dev.miandeng.adapter.persistence.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementExceptions;

/** The one place a {@link Jdbi} is configured, so every store binds and reads the same way. */
final class JdbiFactory {

  private JdbiFactory() {}

  static Jdbi create(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    // Exception messages must never carry bound values: login states, token hashes, names.
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    jdbi.registerArgument(new UtcInstantArgumentFactory());
    jdbi.registerColumnMapper(
        Instant.class, (rs, column, ctx) -> toInstant(rs.getObject(column, OffsetDateTime.class)));
    return jdbi;
  }

  /**
   * The instant as it comes back from the database: both engines keep microseconds, so values are
   * cut there before they are stored or cached, and a cached copy equals a re-read one.
   */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Reads a {@code timestamp with time zone} column. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    return toInstant(rs.getObject(column, OffsetDateTime.class));
  }

  private static Instant toInstant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  /**
   * Binds an {@link Instant} as {@code timestamp with time zone} at UTC. JDBI's default binds a
   * {@code java.sql.Timestamp}, which the drivers interpret in the JVM's time zone.
   */
  private static final class UtcInstantArgumentFactory extends AbstractArgumentFactory<Instant> {

    UtcInstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = stored(value).atOffset(ZoneOffset.UTC);
      return (position, statement, ctx) ->
          statement.setObject(position, utc, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }
}
