package dev.miandeng.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configuration's three sources merged under one naming scheme, the environment variable names:
 * command-line flags ({@code --port=9000} is {@code MIANDENG_PORT}) beat environment variables,
 * which beat the properties file named by {@code MIANDENG_CONFIG_FILE} ({@code --config=path}). The
 * typed reads turn a value into a type or fail with a message naming the variable and its source.
 * Flag or file keys that no read asked for are typos and stop start-up; stray environment variables
 * are only warned about, since a shell holds many ({@link #checkNames(Set)}).
 *
 * <p>Own code, not a configuration library: see the README ("Configuration") for why.
 */
public final class ConfigSources {

  /** Names the file, as a flag ({@code --config=path}) or an environment variable. */
  public static final String CONFIG_FILE = "MIANDENG_CONFIG_FILE";

  private static final String ENVIRONMENT = "environment";
  private static final String FLAG_SOURCE = "flag";
  static final Set<String> PREFIXES = Set.of("MIANDENG_", "FEISHU_");

  /**
   * Read by the launchers, not by the app: {@code bin/run} passes {@code --feishu=} on to whichever
   * jar it starts, and the demo reads both; beside the production jar they are neither typos nor
   * worth a warning.
   */
  private static final Set<String> LAUNCHER_NAMES =
      Set.of("MIANDENG_FEISHU", "MIANDENG_SIMULATOR_PORT");

  /**
   * What the tests' launchers export ({@code bin/test}, {@code .ci/run}); the app never reads it.
   */
  private static final String TEST_PREFIX = "MIANDENG_TEST_";

  private static final Pattern FLAG =
      Pattern.compile("--([A-Za-z][A-Za-z0-9_-]*)=(.*)", Pattern.DOTALL);
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  /**
   * A value, where it came from ("flag", "environment", "file …", a launcher's name), and its name
   * as written there ({@code --prot} for a flag, else the name itself).
   */
  private record Value(String text, String source, String written) {}

  private final Map<String, Value> values;
  private final Set<String> read;

  private ConfigSources(Map<String, Value> values, Set<String> read) {
    this.values = values;
    this.read = read;
  }

  /** These values, taken as flags: for tests and launchers. */
  public static ConfigSources of(Map<String, String> flags) {
    return new ConfigSources(new HashMap<>(), new TreeSet<>()).with(flags, FLAG_SOURCE);
  }

  /** Reads the file (if named), then the environment, then the flags, each over the one before. */
  public static ConfigSources load(List<String> args, Map<String, String> environment) {
    Map<String, Value> flags = parseFlags(args);
    Map<String, String> env =
        environment.entrySet().stream()
            .filter(e -> PREFIXES.stream().anyMatch(e.getKey()::startsWith))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    ConfigSources merged = new ConfigSources(new HashMap<>(), new TreeSet<>());
    String file =
        Optional.ofNullable(flags.get(CONFIG_FILE)).map(Value::text).orElse(env.get(CONFIG_FILE));
    if (file != null) {
      merged = merged.with(readFile(Path.of(file)), "file " + file);
    }
    merged = merged.with(env, ENVIRONMENT);
    merged.values.putAll(flags);
    merged.values.remove(CONFIG_FILE);
    return merged;
  }

  /**
   * The same configuration with some values replaced, whatever their source: a launcher that starts
   * the app on parts of its own (the demo) fixes the values those parts decide. Names already read
   * stay read, so the launcher's own settings are not taken for typos.
   *
   * @param replacements variable name to value; a blank value unsets the variable
   * @param source names the launcher in error messages, e.g. "the demo launcher"
   */
  public ConfigSources with(Map<String, String> replacements, String source) {
    Map<String, Value> replaced = new HashMap<>(values);
    replacements.forEach(
        (k, v) -> replaced.put(k, new Value(v, source, source.equals(FLAG_SOURCE) ? flag(k) : k)));
    return new ConfigSources(replaced, new TreeSet<>(read));
  }

  /** {@code --port=9000} means MIANDENG_PORT, {@code --feishu-app-id=x} FEISHU_APP_ID. */
  private static Map<String, Value> parseFlags(List<String> args) {
    Map<String, Value> flags = new HashMap<>();
    for (String arg : args) {
      Matcher m = FLAG.matcher(arg);
      if (!m.matches()) {
        throw new ConfigurationException(
            "cannot read the argument '" + arg + "': flags look like --name=value (see README)");
      }
      String upper = m.group(1).toUpperCase(Locale.ROOT).replace('-', '_');
      String name =
          upper.equals("CONFIG")
              ? CONFIG_FILE
              : PREFIXES.stream().anyMatch(upper::startsWith) ? upper : "MIANDENG_" + upper;
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
      flags.put(name, new Value(m.group(2), FLAG_SOURCE, "--" + m.group(1)));
    }
    return flags;
  }

  /** The flag that sets this name: {@code --port} for MIANDENG_PORT, {@code --feishu-brand}. */
  private static String flag(String name) {
    String rest = name.startsWith("MIANDENG_") ? name.substring("MIANDENG_".length()) : name;
    return "--" + rest.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Secrets are named {@code …_SECRET}, {@code …_PASSWORD} or {@code …_KEY} (the {@code …_FILE}
   * variants name a path, not a secret); {@link #secret(String)} reads nothing else, so a new
   * secret cannot escape the flag refusal (SEC-25: a command line is world-readable in {@code
   * /proc/<pid>/cmdline}).
   */
  private static boolean isSecretName(String name) {
    return name.endsWith("_SECRET") || name.endsWith("_PASSWORD") || name.endsWith("_KEY");
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigurationException(
          CONFIG_FILE + " names " + file + ", which cannot be read: " + e.getMessage());
    }
    return properties.stringPropertyNames().stream()
        .collect(Collectors.toMap(k -> k, properties::getProperty));
  }

  /** The value, trimmed; blank counts as unset. */
  public Optional<String> get(String key) {
    read.add(key);
    return Optional.ofNullable(values.get(key)).map(v -> v.text().trim()).filter(v -> !v.isEmpty());
  }

  public String string(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  public String required(String key, String why) {
    return get(key).orElseThrow(() -> new ConfigurationException(key + " is required " + why));
  }

  public int integer(String key, int defaultValue, int min, int max) {
    return parsed(
        key,
        defaultValue,
        "a whole number from " + min + " to " + max,
        v -> {
          int value = Integer.parseInt(v);
          return value >= min && value <= max ? value : null;
        });
  }

  /**
   * A positive duration: {@code 500ms}, {@code 30s}, {@code 30m}, {@code 12h}, {@code 7d} or ISO.
   */
  public Duration duration(String key, Duration defaultValue) {
    return duration(key, defaultValue, false);
  }

  /**
   * A duration where zero means "not at all" (a shutdown delay in development); negative values are
   * refused.
   */
  public Duration durationOrZero(String key, Duration defaultValue) {
    return duration(key, defaultValue, true);
  }

  private Duration duration(String key, Duration defaultValue, boolean zeroAllowed) {
    return parsed(
        key,
        defaultValue,
        zeroAllowed
            ? "a duration such as 0s, 5s, 30s or PT5S"
            : "a positive duration such as 30s, 30m, 12h or PT30M",
        v -> {
          Duration value = durationOf(v);
          return value.isNegative() || (value.isZero() && !zeroAllowed) ? null : value;
        });
  }

  /** {@code 30s}, {@code 5m}, … or ISO-8601 ({@code PT30S}); throws when it is neither. */
  private static Duration durationOf(String text) {
    Matcher m = SHORT_DURATION.matcher(text);
    return m.matches()
        ? Duration.of(Long.parseLong(m.group(1)), UNITS.get(m.group(2)))
        : Duration.parse(text);
  }

  /**
   * A list separated by commas, white space or both ({@code a,b}, {@code a b}, {@code a, b}): no
   * listed value holds a space, and Feishu writes scope lists with spaces (the authorize URL's
   * {@code scope}), so either spelling is taken. Empty when unset.
   */
  public List<String> list(String key) {
    return get(key)
        .map(v -> Arrays.stream(LIST_SEPARATOR.split(v)).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** One of a fixed set of words, in any case; the error lists them. */
  public String oneOf(String key, String defaultValue, Set<String> allowed) {
    return parsed(
        key,
        defaultValue,
        "one of " + new TreeSet<>(allowed),
        v -> allowed.contains(v.toLowerCase(Locale.ROOT)) ? v.toLowerCase(Locale.ROOT) : null);
  }

  /** One of an enum's constants, written in lower case ({@code jdbc}, {@code oidc}). */
  public <E extends Enum<E>> E oneOf(String key, E defaultValue) {
    Map<String, E> byWord =
        Arrays.stream(defaultValue.getDeclaringClass().getEnumConstants())
            .collect(Collectors.toMap(e -> e.name().toLowerCase(Locale.ROOT), e -> e));
    return byWord.get(oneOf(key, defaultValue.name().toLowerCase(Locale.ROOT), byWord.keySet()));
  }

  /**
   * A secret from {@code KEY} or from the file named by {@code KEY_FILE} (Docker/Kubernetes
   * secrets), never both. The value itself never appears in an error message.
   *
   * @return empty when neither is set (a blank {@code KEY_FILE} counts as unset: launchers unset it
   *     so)
   * @throws ConfigurationException when the file named is empty or unreadable, or a {@code …_KEY}
   *     variable is set but empty: either would otherwise read as "not configured" and silently
   *     turn a feature off (an empty password may be meant, an empty key never is)
   */
  public Optional<String> secret(String key) {
    if (!isSecretName(key)) {
      throw new IllegalArgumentException(
          key + " is not named like a secret (…_SECRET, …_PASSWORD, …_KEY)");
    }
    Optional<String> direct = get(key);
    Optional<String> file = get(key + "_FILE");
    if (direct.isPresent() && file.isPresent()) {
      throw new ConfigurationException("set " + key + " or " + key + "_FILE, not both");
    }
    if (file.isEmpty()) {
      if (direct.isEmpty() && key.endsWith("_KEY") && values.containsKey(key)) {
        throw new ConfigurationException(
            key + " (from " + sourceOf(key) + ") is set but empty: give the key, or unset " + key);
      }
      return direct;
    }
    String text;
    try {
      text = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new ConfigurationException(
          key + "_FILE names a file that cannot be read: " + file.get());
    }
    if (text.isEmpty()) {
      throw new ConfigurationException(
          key
              + "_FILE (from "
              + sourceOf(key + "_FILE")
              + ") names "
              + file.get()
              + ", which is empty: put the "
              + key
              + " value in it, or unset "
              + key
              + "_FILE");
    }
    return Optional.of(text);
  }

  /**
   * Refuses the flag and file keys that no read asked for (typos), and returns one warning per
   * {@code MIANDENG_*}/{@code FEISHU_*} environment variable no read asked for, which start-up
   * ignores (a stray one must not stop it). Each message names the key as written and where, with
   * the closest known name ({@link ClosestName}) when one is close.
   *
   * @param readElsewhere names another configuration reads (an unchosen store's settings): set in
   *     the environment they are not warned about; as a flag or file key they are refused as unused
   * @throws ConfigurationException listing every unknown flag or file key
   */
  public List<String> checkNames(Set<String> readElsewhere) {
    Set<String> known = new TreeSet<>(read);
    known.addAll(readElsewhere);
    known.addAll(LAUNCHER_NAMES);
    List<String> refused = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    new TreeMap<>(values)
        .forEach(
            (name, value) -> {
              boolean environment = value.source().equals(ENVIRONMENT);
              if (read.contains(name) || LAUNCHER_NAMES.contains(name)) {
                return;
              } else if (!environment) {
                refused.add(unknown(name, value, known));
              } else if (!known.contains(name) && !name.startsWith(TEST_PREFIX)) {
                warnings.add(unknown(name, value, known));
              }
            });
    if (!refused.isEmpty()) {
      throw new ConfigurationException(
          String.join("; ", refused) + "; the README's Configuration section lists every name");
    }
    return warnings;
  }

  /**
   * "unknown flag --prot: did you mean --port (MIANDENG_PORT)?", "unknown key MIANDENG_PROT in file
   * …", "unknown environment variable …", or, for a known name, that these settings do not use it.
   */
  private static String unknown(String name, Value value, Set<String> known) {
    boolean isFlag = value.source().equals(FLAG_SOURCE);
    String what =
        isFlag
            ? "flag " + value.written()
            : value.source().equals(ENVIRONMENT)
                ? "environment variable " + name
                : "key " + name + " in " + value.source();
    if (known.contains(name)) {
      return what
          + (isFlag ? " (" + name + ")" : "")
          + " is not used by these settings (it takes effect only with another: a redis store,"
          + " MIANDENG_DB_URL)";
    }
    return "unknown "
        + what
        + ClosestName.among(name, known)
            .map(k -> ": did you mean " + (isFlag ? flag(k) + " (" + k + ")" : k) + "?")
            .orElse("");
  }

  /** Every name a read has asked for: the README's Configuration table lists these. */
  public Set<String> namesRead() {
    return Set.copyOf(read);
  }

  /** Where a value came from: "flag", "environment", "file …", a launcher, or "default". */
  public String sourceOf(String key) {
    return Optional.ofNullable(values.get(key)).map(Value::source).orElse("default");
  }

  /**
   * The value parsed, or the default when unset.
   *
   * @param parse returns null, or throws, for a value it refuses
   */
  private <T> T parsed(String key, T defaultValue, String expected, Function<String, T> parse) {
    Optional<String> text = get(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    T value;
    try {
      value = parse.apply(text.get());
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      value = null;
    }
    if (value == null) {
      throw new ConfigurationException(
          key + " (from " + sourceOf(key) + ") must be " + expected + ", got '" + text.get() + "'");
    }
    return value;
  }
}
