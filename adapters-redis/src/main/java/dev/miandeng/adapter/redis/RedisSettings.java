package dev.miandeng.adapter.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Redis is and how the adapter uses it.
 *
 * @param url {@code redis://host:port/db} or {@code rediss://…} (TLS); the database index is the
 *     path ({@code /0} when absent). A password written into the URL is accepted but masked; prefer
 *     {@code password}
 * @param password the {@code AUTH} password; empty for none. Never printed: {@link #toString()}
 *     masks it
 * @param keyPrefix put before every key this adapter writes, so two apps (or two test runs) can
 *     share one Redis: 1–64 characters of {@code A-Z a-z 0-9 _ . : -}, which also keeps it free of
 *     the glob characters {@code SCAN MATCH} would interpret
 * @param poolSize most connections the pool opens (1–200)
 * @param timeout connect and socket timeout, and how long a call waits for a pooled connection:
 *     short, so an outage fails fast with {@code StoreUnavailableException} (REL-08)
 */
public record RedisSettings(
    URI url, String password, String keyPrefix, int poolSize, Duration timeout) {

  public static final URI DEFAULT_URL = URI.create("redis://127.0.0.1:6379/0");
  public static final String DEFAULT_KEY_PREFIX = "miandeng:";
  public static final int DEFAULT_POOL_SIZE = 16;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("//([^@/]*:)?[^@/]*@");

  public RedisSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(timeout, "timeout");
    if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
      throw new IllegalArgumentException("the Redis URL must start with redis:// or rediss://");
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("the Redis URL must name a host");
    }
    String path = url.getPath() == null ? "" : url.getPath();
    if (!path.isEmpty() && !path.equals("/") && !path.matches("/\\d{1,2}")) {
      throw new IllegalArgumentException("the Redis URL's path is a database index, such as /0");
    }
    if (!KEY_PREFIX.matcher(keyPrefix).matches()) {
      throw new IllegalArgumentException(
          "the Redis key prefix must be 1-64 characters of A-Z a-z 0-9 _ . : -");
    }
    if (poolSize < 1 || poolSize > 200) {
      throw new IllegalArgumentException("poolSize must be between 1 and 200");
    }
    if (timeout.toMillis() < 100 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("timeout must be between 100 ms and 1 min");
    }
  }

  /** Redis at {@code url} with every other value at its default. */
  public static RedisSettings of(String url, String password) {
    return new RedisSettings(
        parse(url), password, DEFAULT_KEY_PREFIX, DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT);
  }

  public RedisSettings withKeyPrefix(String prefix) {
    return new RedisSettings(url, password, prefix, poolSize, timeout);
  }

  public RedisSettings withUrl(URI newUrl) {
    return new RedisSettings(newUrl, password, keyPrefix, poolSize, timeout);
  }

  public RedisSettings withTimeout(Duration newTimeout) {
    return new RedisSettings(url, password, keyPrefix, poolSize, newTimeout);
  }

  /** The database index: the URL's path, 0 when it has none. */
  public int database() {
    String path = url.getPath() == null ? "" : url.getPath();
    return path.length() > 1 ? Integer.parseInt(path.substring(1)) : 0;
  }

  public boolean isTls() {
    return "rediss".equals(url.getScheme());
  }

  /** The URL with any user and password in it masked: safe for logs and error messages. */
  public String safeUrl() {
    return PASSWORD_IN_URL.matcher(url.toString()).replaceFirst("//***@");
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the Redis URL is not a URL: " + e.getReason());
    }
  }

  /** Never prints the password, neither the field nor one written into the URL. */
  @Override
  public String toString() {
    return "RedisSettings[url="
        + safeUrl()
        + ", password="
        + (password.isEmpty() ? "<none>" : "***")
        + ", keyPrefix="
        + keyPrefix
        + ", poolSize="
        + poolSize
        + ", timeout="
        + timeout
        + "]";
  }
}
