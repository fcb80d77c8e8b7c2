package dev.miandeng.domain.store;

/**
 * The store behind {@code Users}, {@code Sessions} or {@code LoginStates} cannot answer right now
 * (database down, pool exhausted). Shared by the three storage ports because they fail together:
 * one store keeps them all. Adapters translate their driver's exceptions into this one.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
