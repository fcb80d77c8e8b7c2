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
    return withoutControlCharacters(value, name);
  }

  /**
   * Free text such as a display name: kept verbatim (output encoding is the page's job), bounded,
   * and without control characters (C0, DEL, C1): PostgreSQL refuses NUL in text, and no name,
   * address or URL needs one. Adapters clean what they receive before building a value.
   */
  static String requireText(String value, String name, int maxLength) {
    Objects.requireNonNull(value, name);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength);
    }
    return withoutControlCharacters(value, name);
  }

  private static String withoutControlCharacters(String value, String name) {
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(name + " contains control characters");
    }
    return value;
  }
}
