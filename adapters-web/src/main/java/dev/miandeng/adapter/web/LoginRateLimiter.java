package dev.miandeng.adapter.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The login rate limit (SEC-33), built so that an office behind one NAT address logs in every
 * morning while a flood is refused. Token buckets (Bucket4j, greedy refill: a limit of 20 per
 * minute gives a token back every 3 s) on two keys:
 *
 * <ul>
 *   <li><b>per browser</b> (the client address and the browser-id cookie together): spent by what
 *       an attacker spends, a started browser login ({@code /login}), a code post or a callback
 *       that did not log anyone in. A successful login gives its token back, and a nonce fetch
 *       spends none but is refused while the browser's bucket is empty.
 *   <li><b>per address</b> (IPv4 whole, IPv6 by its /64): every login request, successes and nonce
 *       fetches included; a much larger ceiling, the only one for a client that drops its cookies.
 * </ul>
 *
 * A refused request gets 429 with {@code Retry-After}: the seconds until the empty bucket has a
 * token again. Buckets live in bounded Caffeine caches, forgotten one window after their last use
 * (by then a bucket is full again, so forgetting it changes nothing): memory stays bounded whatever
 * the number of addresses. A browser's bucket is also forgotten as soon as a success has filled it
 * again, and a nonce fetch makes none: a browser that logs in costs nothing afterwards. The limit
 * is per instance: N instances allow N times the limit.
 *
 * <p>The page's JSAPI failure reports ({@link ClientErrorBeacon}) have a bucket of their own per
 * address, {@link #CLIENT_ERRORS_PER_WINDOW} a window: a page reports at most a few per login, and
 * a flood of reports must not spend anybody's login budget. The JSAPI signatures ({@link
 * JsapiConfigApi}) have one too, as large as the address's login ceiling. Every refusal is counted
 * in {@link WebMetrics#rateLimited} by the limit that refused it.
 */
final class LoginRateLimiter {

  /** Buckets kept per cache; at about 0.5 KB each, the two caches stay below 50 MB. */
  static final long MAX_BUCKETS = 50_000;

  /** JSAPI failure reports one address may send per window. */
  static final int CLIENT_ERRORS_PER_WINDOW = 10;

  /** A login that has been let through; a success returns its token to the browser's bucket. */
  interface Attempt {
    void succeeded();
  }

  private record Client(String address, String browser) {}

  /** The limits' names in {@code miandeng_rate_limited_total}. */
  private static final String BROWSER = "browser";

  private static final String ADDRESS = "address";
  private static final String CLIENT_ERRORS = "client_errors";
  private static final String JSAPI_CONFIG = "jsapi_config";

  private final int perBrowser;
  private final int perAddress;
  private final Duration window;
  private final TimeMeter time;
  private final ClientAddress clients;
  private final AppCookies cookies;
  private final SecureRandom random = new SecureRandom();
  private final Cache<Client, Bucket> browsers;
  private final Cache<String, Bucket> addresses;
  private final Cache<String, Bucket> reporters;
  private final Cache<String, Bucket> signatures;
  private final WebMetrics metrics;

  LoginRateLimiter(
      int perBrowser,
      int perAddress,
      Duration window,
      Clock clock,
      ClientAddress clients,
      AppCookies cookies,
      WebMetrics metrics) {
    this.perBrowser = perBrowser;
    this.perAddress = perAddress;
    this.window = Objects.requireNonNull(window, "window");
    this.time = new ClockTime(Objects.requireNonNull(clock, "clock"));
    this.clients = Objects.requireNonNull(clients, "clients");
    this.cookies = Objects.requireNonNull(cookies, "cookies");
    this.browsers = cache();
    this.addresses = cache();
    this.reporters = cache();
    this.signatures = cache();
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * A login starts or a code arrives: spends one token of the browser and one of the address.
   *
   * @throws RequestRejectedException 429 with Retry-After when either bucket is empty
   */
  Attempt begin(Context ctx) {
    Client client = client(ctx);
    // Spent under the key's lock (compute), so a bucket forgotten as full in giveBack() is never
    // one that a concurrent attempt has just spent from.
    ConsumptionProbe[] spent = new ConsumptionProbe[1];
    browsers
        .asMap()
        .compute(
            client,
            (key, bucket) -> {
              Bucket browser = bucket != null ? bucket : bucket(perBrowser);
              spent[0] = browser.tryConsumeAndReturnRemaining(1);
              return browser;
            });
    if (!spent[0].isConsumed()) {
      throw refused(BROWSER, spent[0].getNanosToWaitForRefill());
    }
    ConsumptionProbe shared = addressBucket(client).tryConsumeAndReturnRemaining(1);
    if (!shared.isConsumed()) {
      giveBack(client);
      throw refused(ADDRESS, shared.getNanosToWaitForRefill());
    }
    return () -> giveBack(client);
  }

  /**
   * Returns a token to the browser's bucket, and forgets the bucket once it is full again: a full
   * bucket and no bucket refuse alike, so a browser whose login succeeded costs no memory (each of
   * a morning's logins from a new browser would otherwise keep a bucket for a whole window).
   */
  private void giveBack(Client client) {
    browsers
        .asMap()
        .computeIfPresent(
            client,
            (key, bucket) -> {
              bucket.addTokens(1);
              return bucket.getAvailableTokens() >= perBrowser ? null : bucket;
            });
  }

  /**
   * A nonce is asked for: spends one token of the address; the browser's bucket must not be empty.
   *
   * @throws RequestRejectedException 429 with Retry-After when either is exhausted
   */
  void admitNonce(Context ctx) {
    Client client = client(ctx);
    // No bucket is a full one: a nonce spends nothing of it, so none is made for the question.
    Bucket bucket = browsers.getIfPresent(client);
    EstimationProbe browser = bucket == null ? null : bucket.estimateAbilityToConsume(1);
    if (browser != null && !browser.canBeConsumed()) {
      throw refused(BROWSER, browser.getNanosToWaitForRefill());
    }
    ConsumptionProbe shared = addressBucket(client).tryConsumeAndReturnRemaining(1);
    if (!shared.isConsumed()) {
      throw refused(ADDRESS, shared.getNanosToWaitForRefill());
    }
  }

  /**
   * The page reports a JSAPI failure: spends one of the address's report tokens. Sets no cookie.
   *
   * @throws RequestRejectedException 429 with Retry-After when the address sent too many
   */
  void admitClientError(Context ctx) {
    String address = IpAddresses.subscriber(clients.of(ctx));
    ConsumptionProbe spent =
        reporters
            .get(address, key -> bucket(CLIENT_ERRORS_PER_WINDOW))
            .tryConsumeAndReturnRemaining(1);
    if (!spent.isConsumed()) {
      throw refused(CLIENT_ERRORS, spent.getNanosToWaitForRefill());
    }
  }

  /**
   * A page asks for a JSAPI signature: spends one of the address's signature tokens (as many per
   * window as the address may make login requests). Sets no cookie.
   *
   * @throws RequestRejectedException 429 with Retry-After when the address asked too often
   */
  void admitJsapiConfig(Context ctx) {
    String address = IpAddresses.subscriber(clients.of(ctx));
    ConsumptionProbe spent =
        signatures.get(address, key -> bucket(perAddress)).tryConsumeAndReturnRemaining(1);
    if (!spent.isConsumed()) {
      throw refused(
          JSAPI_CONFIG,
          spent.getNanosToWaitForRefill(),
          "Too many signature requests. Please wait a moment and try again.");
    }
  }

  private Bucket addressBucket(Client client) {
    return addresses.get(client.address(), key -> bucket(perAddress));
  }

  /** The client's key; a browser without a (well-formed) id gets one now. */
  private Client client(Context ctx) {
    String address = IpAddresses.subscriber(clients.of(ctx));
    String browser =
        cookies
            .browserId(ctx)
            .orElseGet(
                () -> {
                  byte[] bytes = new byte[16];
                  random.nextBytes(bytes);
                  String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                  cookies.setBrowserId(ctx, id);
                  return id;
                });
    return new Client(address, browser);
  }

  private Bucket bucket(int capacity) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
        .withCustomTimePrecision(time)
        .build();
  }

  private <K> Cache<K, Bucket> cache() {
    return Caffeine.newBuilder()
        .maximumSize(MAX_BUCKETS)
        .expireAfterAccess(window)
        .ticker(time::currentTimeNanos)
        .build();
  }

  private RequestRejectedException refused(String limit, long nanosToWait) {
    return refused(
        limit, nanosToWait, "Too many login attempts. Please wait a moment and try again.");
  }

  private RequestRejectedException refused(String limit, long nanosToWait, String message) {
    metrics.rateLimited(limit);
    long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    return new RequestRejectedException(
        429, "rate_limited", message, Optional.of(Duration.ofSeconds(seconds)));
  }

  /** Bucket4j's time from the injected clock, so tests move time instead of sleeping. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
