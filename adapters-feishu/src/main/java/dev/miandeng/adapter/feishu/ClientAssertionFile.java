package dev.miandeng.adapter.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A {@link ClientAssertionSource} reading a file that a sidecar signer rewrites before the
 * assertion expires ({@code FEISHU_CLIENT_ASSERTION_FILE}). The file is read again whenever its
 * modification time, size or identity (an atomic rename) changes, so a rotation takes effect on the
 * next token call without a restart.
 *
 * <p>Refused (as {@link AuthCenterMisconfiguredException}, so the operator sees it at once rather
 * than as Feishu's vaguer {@code invalid_client}): a missing or unreadable file, an empty one, a
 * value that is not a compact JWS ({@code header.payload.signature}, RFC 7515 section 7.1), a
 * payload without the {@code exp} claim RFC 7523 section 3 requires, and an {@code exp} less than
 * {@link #EXPIRY_MARGIN} away: the signer has stopped refreshing it. The signature is Feishu's to
 * check; the value is never logged.
 */
public final class ClientAssertionFile implements ClientAssertionSource {

  /** An assertion this close to its {@code exp} could expire in flight; treat it as expired. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  /** A JWT assertion is a few hundred bytes to a few KB; anything bigger is not one. */
  private static final long MAX_BYTES = 16 * 1024;

  private final Path file;
  private final Clock clock;

  private Object readVersion; // guarded by this
  private String cached; // guarded by this
  private Instant cachedExpiry; // guarded by this

  public ClientAssertionFile(Path file, Clock clock) {
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized String assertion() {
    Object version = version();
    if (!version.equals(readVersion)) {
      String value = read();
      cachedExpiry = expiry(value);
      cached = value;
      readVersion = version;
    }
    if (!cachedExpiry.isAfter(clock.instant().plus(EXPIRY_MARGIN))) {
      throw refused("has expired (exp " + cachedExpiry + "): is the signer still running?");
    }
    return cached;
  }

  /** What changes when the file is rewritten: its identity, size and modification time. */
  private Object version() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Arrays.asList(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
    } catch (IOException e) {
      throw refused("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private String read() {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw refused("is larger than " + MAX_BYTES + " bytes: not a JWT");
      }
      String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (value.isEmpty()) {
        throw refused("is empty");
      }
      return value;
    } catch (IOException e) {
      throw refused("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The {@code exp} claim (seconds since the epoch, RFC 7519 section 4.1.4) of a compact JWS. */
  private Instant expiry(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw refused("does not hold a compact JWT (header.payload.signature)");
    }
    try {
      JsonNode payload = FeishuReplies.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
      JsonNode exp = payload == null ? null : payload.get("exp");
      if (exp == null || !exp.isNumber()) {
        throw refused("holds a JWT without the exp claim RFC 7523 requires");
      }
      return Instant.ofEpochSecond(exp.asLong());
    } catch (IOException | IllegalArgumentException e) {
      throw refused("holds a JWT whose payload is not base64url JSON");
    }
  }

  private AuthCenterMisconfiguredException refused(String why) {
    return new AuthCenterMisconfiguredException(
        "the client assertion file FEISHU_CLIENT_ASSERTION_FILE (" + file + ") " + why);
  }
}
