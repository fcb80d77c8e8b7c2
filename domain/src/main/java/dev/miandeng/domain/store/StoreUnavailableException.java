package dev.miandeng.domain.store;

/**
 * The store behind {@code Users}, {@code Sessions} or {@code LoginStates} cannot answer right now
 * (database or Redis down, pool exhausted). Shared by the three storage ports because the caller
 * answers them alike (503, try again later), whichever store each port is kept in. Adapters
 * translate their driver's exceptions into this one.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
