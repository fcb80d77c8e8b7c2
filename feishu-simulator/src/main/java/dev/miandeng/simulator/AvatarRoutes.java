package dev.miandeng.simulator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** GET /avatars/{openId}.svg: the avatars the simulator draws for its users. */
final class AvatarRoutes {
  static final String PATH_PREFIX = "/avatars/";
  private static final String SUFFIX = ".svg";

  private final Roster roster;

  AvatarRoutes(Roster roster) {
    this.roster = roster;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH_PREFIX + "{file}", this::avatar);
  }

  private void avatar(Context ctx) {
    String file = ctx.pathParam("file");
    var user =
        file.endsWith(SUFFIX)
            ? roster.find(file.substring(0, file.length() - SUFFIX.length()))
            : java.util.Optional.<SimulatedUser>empty();
    if (user.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("no such avatar");
      return;
    }
    ctx.header("Access-Control-Allow-Origin", "*")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .header("Cache-Control", "public, max-age=3600")
        .contentType("image/svg+xml; charset=utf-8")
        .result(AvatarSvg.render(user.get()));
  }
}
