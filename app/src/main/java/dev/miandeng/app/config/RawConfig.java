package dev.miandeng.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw configuration from its three sources, merged once under one naming scheme (the environment
 * variable names): command-line flags beat environment variables, which beat the optional file.
 * Readers turn a raw value into a typed one or fail with a message that names the variable. Keys
 * from flags or the file that nobody reads are typos and stop start-up; stray environment variables
 * are ignored, since a shell holds many.
 */
public final class RawConfig {

  /** Names the file, as a flag ({@code --config=path}) or an environment variable. */
  public static final String CONFIG_FILE = "MIANDENG_CONFIG_FILE";

  private static final Set<String> PREFIXES = Set.of("MIANDENG_", "FEISHU_");
  private static final Pattern FLAG =
      Pattern.compile("--([A-Za-z][A-Za-z0-9_-]*)=(.*)", Pattern.DOTALL);
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final Map<String, String> values;
  private final Map<String, String> sourceOf;
  private final Set<String> read = new HashSet<>();

  private RawConfig(Map<String, String> values, Map<String, String> sourceOf) {
    this.values = values;
    this.sourceOf = sourceOf;
  }

  public static RawConfig of(Map<String, String> values) {
    Map<String, String> sources = new LinkedHashMap<>();
    values.keySet().forEach(k -> sources.put(k, "flag"));
    return new RawConfig(new LinkedHashMap<>(values), sources);
  }

  /** Reads the file (if named), then the environment, then the flags. */
  public static RawConfig load(List<String> args, Map<String, String> environment) {
    Map<String, String> flags = parseFlags(args);
    Map<String, String> env = new LinkedHashMap<>();
    environment.forEach(
        (k, v) -> {
          if (PREFIXES.stream().anyMatch(k::startsWith)) {
            env.put(k, v);
          }
        });
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    Optional.ofNullable(flags.getOrDefault(CONFIG_FILE, env.get(CONFIG_FILE)))
        .map(Path::of)
        .ifPresent(
            file ->
                readFile(file)
                    .forEach(
                        (k, v) -> {
                          values.put(k, v);
                          sources.put(k, "file " + file);
                        }));
    env.forEach(
        (k, v) -> {
          values.put(k, v);
          sources.put(k, "environment");
        });
    flags.forEach(
        (k, v) -> {
          values.put(k, v);
          sources.put(k, "flag");
        });
    sources.remove(CONFIG_FILE);
    values.remove(CONFIG_FILE);
    return new RawConfig(values, sources);
  }

  /**
   * The same configuration with some values replaced, whatever their source: a launcher that starts
   * the app on parts of its own (the demo) fixes the values those parts decide. Keys already read
   * stay read, so the launcher's own keys are not taken for typos.
   *
   * @param replacements variable name to value; a blank value unsets the variable
   * @param source names the launcher in error messages, e.g. "the demo launcher"
   */
  public RawConfig with(Map<String, String> replacements, String source) {
    Map<String, String> newValues = new LinkedHashMap<>(values);
    Map<String, String> newSources = new LinkedHashMap<>(sourceOf);
    replacements.forEach(
        (k, v) -> {
          newValues.put(k, v);
          newSources.put(k, source);
        });
    RawConfig replaced = new RawConfig(newValues, newSources);
    replaced.read.addAll(read);
    return replaced;
  }

  /** {@code --port=9000} means MIANDENG_PORT, {@code --feishu-app-id=x} FEISHU_APP_ID. */
  static String canonicalName(String flag) {
    String upper = flag.toUpperCase(Locale.ROOT).replace('-', '_');
    if (upper.equals("CONFIG")) {
      return CONFIG_FILE;
    }
    return PREFIXES.stream().anyMatch(upper::startsWith) ? upper : "MIANDENG_" + upper;
  }

  private static Map<String, String> parseFlags(List<String> args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (String arg : args) {
      Matcher m = FLAG.matcher(arg);
      if (!m.matches()) {
        throw new ConfigurationException(
            "cannot read the argument '" + arg + "': flags look like --name=value (see README)");
      }
      String name = canonicalName(m.group(1));
      if (isSecretName(name)) {
        throw new ConfigurationException(
            name
                + " was given as a command-line flag (--"
                + m.group(1)
                + "), which anyone on this machine can read with `ps`: set it in the environment ("
                + name
                + ") or put it in a file named by "
                + name
                + "_FILE");
      }
      flags.put(name, m.group(2));
    }
    return flags;
  }

  /**
   * Secrets are named {@code …_SECRET} or {@code …_PASSWORD} (the {@code …_FILE} variants name a
   * path, not a secret); {@link #secret(String)} reads nothing else, so a new secret cannot escape
   * the flag refusal (SEC-25: a command line is world-readable in {@code /proc/<pid>/cmdline}).
   */
  static boolean isSecretName(String name) {
    return name.endsWith("_SECRET") || name.endsWith("_PASSWORD");
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigurationException(
          CONFIG_FILE + " names " + file + ", which cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
    return values;
  }

  /** The value, trimmed; blank counts as unset. */
  public Optional<String> get(String key) {
    read.add(key);
    return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  public String string(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  public String required(String key, String why) {
    return get(key).orElseThrow(() -> new ConfigurationException(key + " is required " + why));
  }

  public int integer(String key, int defaultValue, int min, int max) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw invalid(key, "a whole number from " + min + " to " + max);
  }

  public boolean bool(String key, boolean defaultValue) {
    return get(key)
        .map(
            v ->
                switch (v.toLowerCase(Locale.ROOT)) {
                  case "true", "yes", "1", "on" -> true;
                  case "false", "no", "0", "off" -> false;
                  default -> throw invalid(key, "true or false");
                })
        .orElse(defaultValue);
  }

  /**
   * ISO-8601 ({@code PT30M}) or short ({@code 500ms}, {@code 30s}, {@code 30m}, {@code 12h}, {@code
   * 7d}).
   */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    Matcher shortForm = SHORT_DURATION.matcher(raw.get());
    try {
      Duration value =
          shortForm.matches()
              ? fromShortForm(Long.parseLong(shortForm.group(1)), shortForm.group(2))
              : Duration.parse(raw.get());
      if (!value.isNegative() && !value.isZero()) {
        return value;
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      // reported below with the accepted forms
    }
    throw invalid(key, "a positive duration such as 30s, 30m, 12h or PT30M");
  }

  private static Duration fromShortForm(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** A comma-separated list; empty when unset. */
  public List<String> list(String key) {
    return get(key)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** One of a fixed set of words; the error lists them. */
  public String oneOf(String key, String defaultValue, Set<String> allowed) {
    String value = get(key).map(v -> v.toLowerCase(Locale.ROOT)).orElse(defaultValue);
    if (!allowed.contains(value)) {
      throw invalid(key, "one of " + new TreeSet<>(allowed));
    }
    return value;
  }

  /**
   * A secret from {@code KEY} or from the file named by {@code KEY_FILE} (Docker/Kubernetes
   * secrets), never both. The value itself never appears in an error message.
   */
  public Optional<String> secret(String key) {
    if (!isSecretName(key)) {
      throw new IllegalArgumentException(
          key + " is not named like a secret (…_SECRET, …_PASSWORD)");
    }
    Optional<String> direct = get(key);
    Optional<String> file = get(key + "_FILE");
    if (direct.isPresent() && file.isPresent()) {
      throw new ConfigurationException("set " + key + " or " + key + "_FILE, not both");
    }
    if (file.isPresent()) {
      try {
        return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).trim())
            .filter(s -> !s.isEmpty());
      } catch (IOException e) {
        throw new ConfigurationException(
            key + "_FILE names a file that cannot be read: " + file.get());
      }
    }
    return direct;
  }

  /** Fails on flag or file keys that no reader asked for: they are typos. */
  public void rejectUnknownKeys() {
    List<String> unknown =
        values.keySet().stream()
            .filter(k -> !read.contains(k) && !sourceOf.get(k).equals("environment"))
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      throw new ConfigurationException(
          "unknown configuration "
              + unknown
              + "; the README's Configuration section lists every name");
    }
  }

  public String sourceOf(String key) {
    return sourceOf.getOrDefault(key, "default");
  }

  private ConfigurationException invalid(String key, String expected) {
    return new ConfigurationException(
        key
            + " (from "
            + sourceOf(key)
            + ") must be "
            + expected
            + ", got '"
            + values.get(key)
            + "'");
  }
}
