package dev.miandeng.app.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known name a misspelt one probably meant, for "did you mean" in configuration messages: the
 * same name under the other prefix ({@code MIANDENG_APP_ID} for {@code FEISHU_APP_ID}), else the
 * nearest within two edits (Levenshtein: one insertion, deletion or substitution each), ties by
 * alphabetical order. Own code: twenty lines do not justify a text library on the start-up path.
 */
final class ClosestName {

  /** {@code PROT} for {@code PORT} is two substitutions; three would pair unrelated short names. */
  private static final int MAX_EDITS = 2;

  private ClosestName() {}

  /**
   * @param name an unknown canonical name ({@code MIANDENG_PROT})
   * @param known the canonical names it may have meant
   * @return the closest, or empty when none is close
   */
  static Optional<String> among(String name, Collection<String> known) {
    return known.stream()
        .filter(k -> distance(name, k) <= MAX_EDITS)
        .min(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k));
  }

  /** 0 for the same name under the other prefix, else the edits between the whole names. */
  private static int distance(String a, String b) {
    return withoutPrefix(a).equals(withoutPrefix(b)) ? 0 : edits(a, b);
  }

  private static String withoutPrefix(String name) {
    return ConfigSources.PREFIXES.stream()
        .filter(name::startsWith)
        .findFirst()
        .map(p -> name.substring(p.length()))
        .orElse(name);
  }

  /** Levenshtein distance, one row at a time. */
  private static int edits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
