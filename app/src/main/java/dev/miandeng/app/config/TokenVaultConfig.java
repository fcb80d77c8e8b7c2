package dev.miandeng.app.config;

import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.app.config.PersistenceConfig.UserTokensStore;
import java.util.Objects;
import java.util.Optional;

/**
 * The token vault's settings ({@code MIANDENG_USER_TOKENS_STORE}, {@code MIANDENG_TOKEN_KEY} or
 * {@code MIANDENG_TOKEN_KEY_FILE}) and the adapter they select. In the database the tokens are kept
 * sealed only (SEC-23), so a database vault without a key is {@link Adapter#OFF}: nothing is
 * stored. In memory nothing is at rest, so no key is needed.
 *
 * <p>{@link #toString()} is the start-up summary's line: the key ids, never a key.
 *
 * @param store where grants live ({@code MIANDENG_USER_TOKENS_STORE})
 * @param keys the key ring, when a key is configured
 * @param keySource where the key came from, e.g. "MIANDENG_TOKEN_KEY_FILE (environment)"; empty
 *     when {@code keys} is
 */
public record TokenVaultConfig(
    UserTokensStore store, Optional<TokenKeyRing> keys, String keySource) {

  /** The adapter the settings select. */
  public enum Adapter {
    /** {@code jdbc} without a key: nothing is stored ({@code DisabledUserTokens}). */
    OFF,
    /** {@code memory}: lost at restart, one instance only ({@code InMemoryUserTokens}). */
    MEMORY,
    /** {@code jdbc} with a key: sealed rows in the shared database ({@code JdbiUserTokens}). */
    JDBC
  }

  public TokenVaultConfig {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(keySource, "keySource");
    if (keys.isPresent() == keySource.isBlank()) {
      throw new IllegalArgumentException("a key goes with its source, and only then");
    }
  }

  public Adapter adapter() {
    return switch (store) {
      case MEMORY -> Adapter.MEMORY;
      case JDBC -> keys.isPresent() ? Adapter.JDBC : Adapter.OFF;
    };
  }

  @Override
  public String toString() {
    return switch (adapter()) {
      case OFF ->
          "off (no MIANDENG_TOKEN_KEY): user tokens are not stored, so OpenAPI calls as the user"
              + " ask for consent again";
      case MEMORY -> "in memory, lost at restart";
      case JDBC -> {
        TokenKeyRing ring = keys.orElseThrow();
        yield "in the database, sealed with key id '"
            + ring.currentKeyId()
            + "'"
            + (ring.keyIds().size() > 1 ? " (older ids still read: " + older(ring) + ")" : "")
            + ", from "
            + keySource;
      }
    };
  }

  private static String older(TokenKeyRing ring) {
    return String.join(", ", ring.keyIds().stream().skip(1).toList());
  }
}
