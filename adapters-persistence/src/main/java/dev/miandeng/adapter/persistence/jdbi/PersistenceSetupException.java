package dev.miandeng.adapter.persistence.jdbi;

/** The store could not be opened: the migrations failed or do not match the code. */
public final class PersistenceSetupException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  PersistenceSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
