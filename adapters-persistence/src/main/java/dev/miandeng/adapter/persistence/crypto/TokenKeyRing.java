package dev.miandeng.adapter.persistence.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that seal stored user tokens, each with an id stored beside every sealed value
 * so keys can rotate: new values are sealed with the <em>current</em> key, values sealed with an
 * older key still open as long as that key stays in the ring.
 *
 * <p>The text form ({@code MIANDENG_TOKEN_KEY}, or the contents of the file {@code
 * MIANDENG_TOKEN_KEY_FILE}) is a list of entries separated by commas or line breaks:
 *
 * <pre>
 *   2026-06:&lt;base64&gt;,2026-01:&lt;base64&gt;   the first entry is the current key
 *   &lt;base64&gt;                              a single key without an id: its id is "default"
 * </pre>
 *
 * Each key is 32 random bytes in standard base64 (e.g. {@code openssl rand -base64 32}); an id is
 * 1–32 of {@code A–Z a–z 0–9 . _ -}. To rotate: put a new entry first and keep the old ones until
 * the old rows are rewritten (each refresh and each login rewrites a user's row) or no longer
 * needed. A row whose key was removed reads as "no grant" (the user consents again).
 *
 * <p>{@link #toString()} shows the ids only; no error message carries key material.
 */
public final class TokenKeyRing {

  /** The id of a key given alone, without {@code id:}. */
  public static final String DEFAULT_KEY_ID = "default";

  static final int KEY_BYTES = 32;

  private static final String EPHEMERAL_PREFIX = "ephemeral-";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
  private static final String ALGORITHM = "AES";

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;

  private TokenKeyRing(Map<String, SecretKey> keys) {
    this.keys = Collections.unmodifiableMap(keys);
    this.currentKeyId = keys.keySet().iterator().next();
  }

  /**
   * Reads the text form described above.
   *
   * @throws IllegalArgumentException when the text is empty, an id is malformed or repeated, or a
   *     key is not 32 bytes of base64; the message names the entry by position and id, never by its
   *     key
   */
  public static TokenKeyRing parse(String text) {
    String[] entries = SEPARATORS.split(text.strip());
    if (entries.length == 0 || entries[0].isEmpty()) {
      throw new IllegalArgumentException("no token key given");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i];
      int colon = entry.indexOf(':');
      if (colon < 0 && entries.length > 1) {
        throw new IllegalArgumentException(
            "token key entry " + (i + 1) + " has no id: with several keys, write each as id:key");
      }
      String id = colon < 0 ? DEFAULT_KEY_ID : entry.substring(0, colon);
      if (!KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "token key entry " + (i + 1) + ": the id must be 1-32 of A-Z a-z 0-9 . _ -");
      }
      if (keys.containsKey(id)) {
        throw new IllegalArgumentException("token key id '" + id + "' is given twice");
      }
      keys.put(id, decode(entry.substring(colon + 1), i + 1, id));
    }
    return new TokenKeyRing(keys);
  }

  /**
   * A ring of one fresh random key, for demos: what it seals cannot be read after a restart. Its id
   * is {@code ephemeral-} and 8 random hex digits, so rows of an earlier run read as "key gone"
   * rather than as tampered.
   */
  public static TokenKeyRing ephemeral(SecureRandom random) {
    return parse(ephemeralText(random));
  }

  /**
   * The text form ({@link #parse}) of the ring {@link #ephemeral} makes, for a launcher that hands
   * the app its key through the configuration (the demo sets {@code MIANDENG_TOKEN_KEY} to it). It
   * holds the key: pass it on in memory only, never print or store it.
   */
  public static String ephemeralText(SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    byte[] id = new byte[4];
    random.nextBytes(id);
    return EPHEMERAL_PREFIX
        + HexFormat.of().formatHex(id)
        + ":"
        + Base64.getEncoder().encodeToString(key);
  }

  private static SecretKey decode(String base64, int position, String id) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: not repeated here.
      throw new IllegalArgumentException(
          "token key entry " + position + " (id '" + id + "') is not base64", null);
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "token key entry "
              + position
              + " (id '"
              + id
              + "') must be 32 bytes (AES-256), base64 encoded; it is "
              + key.length
              + " bytes");
    }
    return new SecretKeySpec(key, ALGORITHM);
  }

  /** The id of the key new values are sealed with. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** Every id in the ring, the current one first. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  SecretKey currentKey() {
    return keys.get(currentKeyId);
  }

  Optional<SecretKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public String toString() {
    return "TokenKeyRing[current=" + currentKeyId + ", ids=" + keys.keySet() + ", keys masked]";
  }
}
