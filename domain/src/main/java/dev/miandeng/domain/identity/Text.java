package dev.miandeng.domain.identity;

import java.util.Objects;

/**
 * Validation shared by the identity records; package-private so it stays an implementation detail.
 */
final class Text {

  private Text() {}

  /** A non-blank identifier with no control characters and a bounded length. */
  static String requireToken(String value, String name, int maxLength) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength);
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(name + " contains control characters");
    }
    return value;
  }

  /**
   * Free text such as a display name: kept verbatim (output encoding is the page's job), bounded.
   */
  static String requireText(String value, String name, int maxLength) {
    Objects.requireNonNull(value, name);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength);
    }
    return value;
  }
}
