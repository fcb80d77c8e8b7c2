package dev.miandeng.adapter.persistence.jdbi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is and how the adapter uses it. The engine follows from the JDBC URL: {@code
 * jdbc:h2:…} (the zero-setup default, an embedded file) or {@code jdbc:postgresql:…}; nothing else
 * changes between them.
 *
 * @param jdbcUrl {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
 * @param user database user; empty to take it from the URL (or H2's default)
 * @param password database password; empty for none or to take it from the URL. Masked in {@link
 *     #toString()}
 * @param poolSize most connections the pool opens (1–200)
 * @param connectionTimeout how long a call waits for a connection before it fails with {@code
 *     StoreUnavailableException}: short, so a database outage fails fast (REL-08)
 * @param cacheTtl how long a session or user read stays in this instance's cache; also the bound
 *     within which a logout on another instance takes effect here (REL-13), so at most 5 s
 * @param cacheMaxEntries the most sessions (and, separately, users) one instance caches
 */
public record DatabaseSettings(
    String jdbcUrl,
    String user,
    String password,
    int poolSize,
    Duration connectionTimeout,
    Duration cacheTtl,
    long cacheMaxEntries) {

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  /** The documented cross-instance revocation bound (REL-13). */
  public static final Duration MAX_CACHE_TTL = Duration.ofSeconds(5);

  public static final long DEFAULT_CACHE_MAX_ENTRIES = 10_000;

  /**
   * How long before {@code cacheTtl} a cached entry that is still read starts being reloaded in the
   * background: the reload has this long to finish before the entry would expire and a read would
   * wait on the database.
   */
  static final Duration CACHE_REFRESH_MARGIN = Duration.ofSeconds(1);

  /**
   * H2 settings that keep the migrations and every statement portable to PostgreSQL: PostgreSQL
   * syntax, lower-case identifiers as PostgreSQL folds them, NULLs sorted last as PostgreSQL does.
   */
  public static final String H2_PORTABLE_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * H2's page cache for the embedded file database, in KB (H2's {@code CACHE_SIZE}): 4 MB instead
   * of H2's default 16 MB. H2 keeps the pages it has read or written as objects on the Java heap,
   * so after 10,000 logins its cache held sessions and users that the session and user caches
   * already keep: 6 MiB more live heap than with 4 MB ({@code bin/bench memory},
   * benchmarks/README.md). A request reads what it needs from those caches; a login reads and
   * writes a few rows by key.
   */
  public static final int H2_CACHE_SIZE_KB = 4096;

  private static final Duration HIKARI_MIN_TIMEOUT = Duration.ofMillis(250);
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the database JDBC URL must start with jdbc:h2: or jdbc:postgresql:");
    }
    if (poolSize < 1 || poolSize > 200) {
      throw new IllegalArgumentException("poolSize must be between 1 and 200");
    }
    if (connectionTimeout.compareTo(HIKARI_MIN_TIMEOUT) < 0) {
      throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
    }
    if (cacheTtl.isZero() || cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
      throw new IllegalArgumentException(
          "cacheTtl must be more than 0 and at most 5 s: it bounds how late a logout reaches other"
              + " instances");
    }
    if (cacheMaxEntries < 1) {
      throw new IllegalArgumentException("cacheMaxEntries must be at least 1");
    }
  }

  /** A database at {@code jdbcUrl} with every other value at its default. */
  public static DatabaseSettings of(String jdbcUrl, String user, String password) {
    return new DatabaseSettings(
        jdbcUrl,
        user,
        password,
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        MAX_CACHE_TTL,
        DEFAULT_CACHE_MAX_ENTRIES);
  }

  /** The zero-setup default: an embedded H2 database in files under {@code dataDir}. */
  public static DatabaseSettings h2File(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    return of(h2FileUrl(dataDir), "", "");
  }

  /** How every URL of an embedded H2 database in files begins. */
  public static final String H2_FILE_URL_PREFIX = "jdbc:h2:file:";

  /**
   * {@code jdbc:h2:file:<dataDir>;MODE=PostgreSQL;…;CACHE_SIZE=4096}: the database files are {@code
   * dataDir.*}, its page cache {@link #H2_CACHE_SIZE_KB}.
   */
  public static String h2FileUrl(Path dataDir) {
    String path = dataDir.toString().replace('\\', '/');
    if (path.contains(";")) {
      throw new IllegalArgumentException("the data directory must not contain ';'");
    }
    // H2 refuses a bare relative name; "./" anchors it to the working directory.
    if (!dataDir.isAbsolute() && !path.startsWith("./") && !path.startsWith("../")) {
      path = "./" + path;
    }
    return H2_FILE_URL_PREFIX + path + H2_PORTABLE_MODE + ";CACHE_SIZE=" + H2_CACHE_SIZE_KB;
  }

  public DatabaseSettings withPoolSize(int newPoolSize) {
    return new DatabaseSettings(
        jdbcUrl, user, password, newPoolSize, connectionTimeout, cacheTtl, cacheMaxEntries);
  }

  public DatabaseSettings withConnectionTimeout(Duration timeout) {
    return new DatabaseSettings(
        jdbcUrl, user, password, poolSize, timeout, cacheTtl, cacheMaxEntries);
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** Never prints the password, neither the field nor one written into the URL. */
  @Override
  public String toString() {
    return "DatabaseSettings[jdbcUrl="
        + PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1***")
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "<none>" : "***")
        + ", poolSize="
        + poolSize
        + ", connectionTimeout="
        + connectionTimeout
        + ", cacheTtl="
        + cacheTtl
        + ", cacheMaxEntries="
        + cacheMaxEntries
        + "]";
  }

  /**
   * The age at which a cached session or user that is read again is reloaded in the background:
   * {@code cacheTtl} minus {@link #CACHE_REFRESH_MARGIN}, but at least half of {@code cacheTtl}.
   * The entry itself still expires {@code cacheTtl} after it was written (REL-13); this only spares
   * busy entries the blocking read after expiry.
   */
  public Duration cacheRefreshAfter() {
    Duration beforeExpiry = cacheTtl.minus(CACHE_REFRESH_MARGIN);
    Duration half = cacheTtl.dividedBy(2);
    return beforeExpiry.compareTo(half) > 0 ? beforeExpiry : half;
  }
}
