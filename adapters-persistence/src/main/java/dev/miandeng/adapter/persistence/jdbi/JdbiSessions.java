package dev.miandeng.adapter.persistence.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Sessions} in the {@code sessions} table (token hash only, SEC-12), with the keep-until the
 * core gives in its own column. {@link #find} reads through a small per-instance cache so most
 * authenticated requests touch no database; {@link #findFresh} always reads the table. This class
 * judges no session: the core re-reads with {@code findFresh} a cached copy it would end or touch.
 *
 * <p>Coherence, the rules this class keeps:
 *
 * <ul>
 *   <li>This instance: a delete (one, all of a user's, or the sweep) removes the rows, then the
 *       cache entries, so it takes effect at once. A read that raced with it and loaded the row
 *       just before the delete does not re-insert it: every delete bumps {@link #revocations}, and
 *       a load that sees the counter move drops what it cached.
 *   <li>Other instances sharing the database: their cache entries expire {@code cacheTtl} (≤ 5 s)
 *       after they were loaded, so a logout here reaches their {@code find} within that bound
 *       (REL-13), their {@code findFresh} at once. An entry still read shortly before it expires is
 *       reloaded in the background (see {@link JdbiStores}); a reload that finds the row gone drops
 *       it, and Caffeine discards a reload the deletes here overtook.
 * </ul>
 *
 * <p>Counted in {@code miandeng.sessions.lookups} (Prometheus {@code
 * miandeng_sessions_lookups_total}) by {@code source}: {@code cache} (a {@link #find} answered from
 * the cache), {@code table} (a {@link #find} that missed it) and {@code fresh} (a {@link
 * #findFresh}, which always reads the table). The share of {@code cache} is the share of
 * authenticated requests that touched no database.
 *
 * <p>A cached session is kept compact, as what a request needs and no more: the token hash as four
 * {@code long}s ({@link Key}, 48 bytes instead of 120 for the hash's 64-character string) and the
 * session as its user and three epoch-microsecond {@code long}s ({@link Entry}, 40 bytes instead of
 * 104 for a {@link Session} and its three {@link Instant}s). A hit builds the {@link Session} again
 * (four small objects); a logged-in user thus costs this cache about 150 bytes with Caffeine's
 * node.
 */
public final class JdbiSessions implements Sessions {

  private final SessionRows rows;
  private final Cache<Key, Entry> cache;
  private final AtomicLong revocations = new AtomicLong();
  private final Counter fromCache;
  private final Counter fromTable;
  private final Counter fresh;

  JdbiSessions(SessionRows rows, Cache<Key, Entry> cache, MeterRegistry meters) {
    this.rows = rows;
    this.cache = cache;
    this.fromCache = lookups(meters, "cache");
    this.fromTable = lookups(meters, "table");
    this.fresh = lookups(meters, "fresh");
  }

  private static Counter lookups(MeterRegistry meters, String source) {
    return Counter.builder("miandeng.sessions.lookups")
        .description("Session lookups by where the answer came from")
        .tag("source", source)
        .register(meters);
  }

  @Override
  public void save(Session session, Instant keepUntil) {
    rows.insert(session, keepUntil);
    cache.put(Key.of(session.id()), Entry.of(session));
  }

  @Override
  public Optional<Session> find(SessionTokenHash id) {
    Entry cached = cache.getIfPresent(Key.of(id));
    if (cached != null) {
      fromCache.increment();
      return Optional.of(cached.session(id));
    }
    fromTable.increment();
    return load(id);
  }

  @Override
  public Optional<Session> findFresh(SessionTokenHash id) {
    fresh.increment();
    return load(id);
  }

  /** Reads the row and caches it, unless a delete raced with the read. */
  private Optional<Session> load(SessionTokenHash id) {
    Key key = Key.of(id);
    long revocationsBefore = revocations.get();
    Optional<Session> stored = rows.find(id);
    if (stored.isPresent()) {
      cache.put(key, Entry.of(stored.get()));
      if (revocations.get() != revocationsBefore) {
        // A delete ran while we read: it may have cleared the cache before our put.
        cache.invalidate(key);
      }
    } else {
      cache.invalidate(key);
    }
    // The caller's id, not the row's copy of it: equal, and one string fewer.
    return stored.map(
        s -> new Session(id, s.userId(), s.createdAt(), s.lastSeenAt(), s.expiresAt()));
  }

  @Override
  public void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
    rows.touch(id, lastSeenAt, keepUntil);
    long stored = Entry.micros(lastSeenAt);
    cache
        .asMap()
        .computeIfPresent(
            Key.of(id), (key, e) -> stored > e.lastSeenAt() ? e.touchedAt(stored) : e);
  }

  @Override
  public void delete(SessionTokenHash id) {
    rows.delete(id);
    revocations.incrementAndGet();
    cache.invalidate(Key.of(id));
  }

  @Override
  public int deleteAllOf(UserId userId) {
    int deleted = rows.deleteAllOf(userId);
    revocations.incrementAndGet();
    cache.asMap().values().removeIf(s -> s.userId().equals(userId));
    return deleted;
  }

  /**
   * Sweeps the table, then empties this instance's cache: it does not hold keep-untils, and an
   * entry lives a few seconds anyway, so refilling it every sweep costs nothing worth saving.
   */
  @Override
  public int deleteExpired(Instant now) {
    int deleted = rows.deleteExpired(now);
    revocations.incrementAndGet();
    cache.invalidateAll();
    return deleted;
  }

  /**
   * The cache's key: a session token hash (SHA-256, 64 hex digits) as its four 64-bit parts.
   * Reloads turn it back into the hash ({@link #hash()}).
   */
  record Key(long p0, long p1, long p2, long p3) {

    private static final HexFormat HEX = HexFormat.of();

    static Key of(SessionTokenHash id) {
      String hex = id.hex();
      return new Key(
          HexFormat.fromHexDigitsToLong(hex, 0, 16),
          HexFormat.fromHexDigitsToLong(hex, 16, 32),
          HexFormat.fromHexDigitsToLong(hex, 32, 48),
          HexFormat.fromHexDigitsToLong(hex, 48, 64));
    }

    SessionTokenHash hash() {
      return new SessionTokenHash(
          HEX.toHexDigits(p0) + HEX.toHexDigits(p1) + HEX.toHexDigits(p2) + HEX.toHexDigits(p3));
    }
  }

  /**
   * A cached session without its id (the key holds it), its instants as epoch microseconds: both
   * engines keep microseconds, so these are the instants a re-read returns.
   */
  record Entry(UserId userId, long createdAt, long lastSeenAt, long expiresAt) {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    static Entry of(Session s) {
      return new Entry(
          s.userId(), micros(s.createdAt()), micros(s.lastSeenAt()), micros(s.expiresAt()));
    }

    /** The instant cut to microseconds, as {@link JdbiFactory#stored} cuts it. */
    static long micros(Instant instant) {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
          instant.getNano() / 1_000L);
    }

    private static Instant instant(long micros) {
      return Instant.ofEpochSecond(
          Math.floorDiv(micros, MICROS_PER_SECOND),
          Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    }

    Session session(SessionTokenHash id) {
      return new Session(id, userId, instant(createdAt), instant(lastSeenAt), instant(expiresAt));
    }

    Entry touchedAt(long micros) {
      return new Entry(userId, createdAt, micros, expiresAt);
    }
  }
}
