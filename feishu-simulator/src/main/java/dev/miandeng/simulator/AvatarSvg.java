package dev.miandeng.simulator;

/** Draws a user's avatar: a coloured disc with the first letter of their name. */
final class AvatarSvg {
  private static final String[] COLOURS = {
    "#3370ff", "#34c724", "#ff7d00", "#7f3bf5", "#f54a45", "#14c0ff", "#ffc60a"
  };

  private AvatarSvg() {}

  static String render(SimulatedUser user) {
    String name = user.name().isBlank() ? "?" : user.name();
    String initial = name.substring(0, name.offsetByCodePoints(0, 1));
    String colour = COLOURS[Math.floorMod(user.openId().hashCode(), COLOURS.length)];
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240">\
        <circle cx="120" cy="120" r="120" fill="%s"/>\
        <text x="120" y="120" dy=".35em" text-anchor="middle" font-family="sans-serif" \
        font-size="110" fill="#ffffff">%s</text></svg>
        """
        .formatted(colour, HtmlText.escape(initial));
  }
}
