package dev.miandeng.simulator;

import java.util.List;

/** GET /_sim: a small page for humans to flip the client mode and take the auth center down. */
final class ControlPage {
  /** This page needs its own inline script to call the control API. */
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
          + " connect-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'";

  private static final String SCRIPT =
      """
      <script>
      function sim(method, path, body) {
        return fetch(path, {method: method, headers: {"Content-Type": "application/json"},
            body: body === undefined ? undefined : JSON.stringify(body)})
          .then(function (r) { document.getElementById("status").textContent =
              method + " " + path + " \\u2192 " + r.status; });
      }
      document.querySelectorAll("[data-mode]").forEach(function (b) {
        b.addEventListener("click", function () { sim("PUT", "/_sim/client", {mode: b.dataset.mode}); });
      });
      document.getElementById("user").addEventListener("change", function (e) {
        sim("PUT", "/_sim/client", {user: e.target.value});
      });
      document.getElementById("down").addEventListener("click", function () { sim("POST", "/_sim/down", {down: true}); });
      document.getElementById("up").addEventListener("click", function () { sim("POST", "/_sim/down", {down: false}); });
      document.getElementById("expire").addEventListener("click", function () { sim("POST", "/_sim/expire-tokens"); });
      document.getElementById("stale-ticket").addEventListener("click", function () { sim("POST", "/_sim/stale-jsapi-ticket"); });
      document.getElementById("reset").addEventListener("click", function () { sim("POST", "/_sim/reset"); });
      </script>
      """;

  private final Roster roster;
  private final ClientSimulation client;

  ControlPage(Roster roster, ClientSimulation client) {
    this.roster = roster;
    this.client = client;
  }

  String render() {
    ClientSwitches switches = client.switches();
    StringBuilder body = new StringBuilder("<h1>Feishu simulator: control</h1>");
    body.append("<p>Client mode: ");
    for (ClientMode mode : ClientMode.values()) {
      body.append("<button type=\"button\" data-mode=\"")
          .append(mode.wireName())
          .append("\">")
          .append(mode.wireName())
          .append(mode == switches.mode() ? " \u2713" : "")
          .append("</button>");
    }
    body.append("</p><p><label>Logged-in client user: <select id=\"user\">");
    List<SimulatedUser> users = roster.users();
    for (SimulatedUser user : users) {
      body.append("<option value=\"")
          .append(HtmlText.escape(user.openId()))
          .append('"')
          .append(user.openId().equals(switches.userOpenId()) ? " selected" : "")
          .append('>')
          .append(HtmlText.escape(user.name()))
          .append("</option>");
    }
    body.append("</select></label></p>")
        .append("<p>Auth center: <button type=\"button\" id=\"down\">down</button>")
        .append("<button type=\"button\" id=\"up\">up</button>")
        .append("<button type=\"button\" id=\"expire\">expire all tokens</button>")
        .append("<button type=\"button\" id=\"stale-ticket\">stale JSAPI ticket</button>")
        .append("<button type=\"button\" id=\"reset\">reset everything</button></p>")
        .append("<p class=\"muted\" id=\"status\"></p>")
        .append(SCRIPT);
    return HtmlPages.page("Feishu simulator: control", body.toString());
  }
}
