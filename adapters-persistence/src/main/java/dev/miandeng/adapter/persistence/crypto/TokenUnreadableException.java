package dev.miandeng.adapter.persistence.crypto;

/**
 * A sealed token cannot be opened: its key is no longer in the ring, or the value fails its
 * integrity check (altered, moved to another user's row, or sealed by another key of the same id).
 * The message names the key id, never the value.
 */
public final class TokenUnreadableException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean keyGone;

  TokenUnreadableException(String message, boolean keyGone, Throwable cause) {
    super(message, cause);
    this.keyGone = keyGone;
  }

  /** True when the key id is not in the ring (removed by rotation), false for a failed check. */
  public boolean keyGone() {
    return keyGone;
  }
}
