package dev.miandeng.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Compares secrets without leaking, through timing, how many leading characters matched (SEC-17).
 */
final class ConstantTime {

  private ConstantTime() {}

  static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
