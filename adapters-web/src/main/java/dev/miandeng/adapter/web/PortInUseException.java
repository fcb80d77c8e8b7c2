package dev.miandeng.adapter.web;

/**
 * The server could not bind its address: another process holds the port. Thrown by {@link
 * WebServer#start()} in place of the web framework's own exception, so the composition root can say
 * which setting to change without knowing the framework.
 */
public final class PortInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PortInUseException(String host, int port, Throwable cause) {
    super(host + ":" + port + " is already in use", cause);
  }
}
