package dev.miandeng.adapter.persistence.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
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
 */
public final class JdbiSessions implements Sessions {

  private final SessionRows rows;
  private final Cache<SessionTokenHash, Session> cache;
  private final AtomicLong revocations = new AtomicLong();
  private final Counter fromCache;
  private final Counter fromTable;
  private final Counter fresh;

  JdbiSessions(SessionRows rows, Cache<SessionTokenHash, Session> cache, MeterRegistry meters) {
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
    cache.put(session.id(), asStored(session));
  }

  @Override
  public Optional<Session> find(SessionTokenHash id) {
    Session cached = cache.getIfPresent(id);
    if (cached != null) {
      fromCache.increment();
      return Optional.of(cached);
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
    long revocationsBefore = revocations.get();
    Optional<Session> stored = rows.find(id);
    if (stored.isPresent()) {
      cache.put(id, stored.get());
      if (revocations.get() != revocationsBefore) {
        // A delete ran while we read: it may have cleared the cache before our put.
        cache.invalidate(id);
      }
    } else {
      cache.invalidate(id);
    }
    return stored;
  }

  @Override
  public void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
    rows.touch(id, lastSeenAt, keepUntil);
    Instant stored = JdbiFactory.stored(lastSeenAt);
    cache
        .asMap()
        .computeIfPresent(id, (key, s) -> stored.isAfter(s.lastSeenAt()) ? s.touchedAt(stored) : s);
  }

  @Override
  public void delete(SessionTokenHash id) {
    rows.delete(id);
    revocations.incrementAndGet();
    cache.invalidate(id);
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

  /** The session as a re-read would return it: instants at the database's microseconds. */
  private static Session asStored(Session s) {
    return new Session(
        s.id(),
        s.userId(),
        JdbiFactory.stored(s.createdAt()),
        JdbiFactory.stored(s.lastSeenAt()),
        JdbiFactory.stored(s.expiresAt()));
  }
}
