package dev.miandeng.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code --port N [--app-id X] [--app-secret Y] [--roster file.json] [--redirect-uri
 * URL]...}; each URL is a registered redirect URL (matched exactly, query and fragment ignored).
 */
final class MainArguments {
  static final String USAGE =
      "usage: java -jar feishu-simulator.jar [--port 8090] [--app-id cli_simulator]"
          + " [--app-secret SECRET] [--roster users.json] [--redirect-uri URL]...";

  private MainArguments() {}

  static SimulatorSettings parse(String[] args, SimulatorSettings defaults) {
    SimulatorSettings settings = defaults;
    List<String> redirectUris = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new UsageException(option + " needs a value");
      }
      String value = args[i + 1];
      settings =
          switch (option) {
            case "--port" -> settings.withPort(port(value));
            case "--app-id" -> settings.withAppId(value);
            case "--app-secret" -> settings.withAppSecret(value);
            case "--roster" -> settings.withRoster(Path.of(value));
            case "--redirect-uri" -> {
              redirectUris.add(value);
              yield settings;
            }
            default -> throw new UsageException("unknown option " + option);
          };
    }
    return redirectUris.isEmpty() ? settings : settings.withRedirectUris(redirectUris);
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new UsageException("--port must be 0..65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a number");
    }
  }
}
