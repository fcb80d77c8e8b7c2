package dev.miandeng.app.config;

/**
 * A configuration value is missing or invalid; the message names the variable and what it takes.
 */
public final class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
