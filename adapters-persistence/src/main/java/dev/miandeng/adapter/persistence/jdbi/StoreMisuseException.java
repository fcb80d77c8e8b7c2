package dev.miandeng.adapter.persistence.jdbi;

/**
 * The database refused a statement for a reason that retrying will not fix: a constraint the caller
 * broke (saving a session twice), a schema that does not match the code, a malformed value. A bug,
 * not an outage, so it is not a {@code StoreUnavailableException}: a retry or a 503 would hide it.
 */
public final class StoreMisuseException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  StoreMisuseException(String message, Throwable cause) {
    super(message, cause);
  }
}
