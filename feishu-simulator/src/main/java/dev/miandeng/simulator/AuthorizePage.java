package dev.miandeng.simulator;

import java.util.List;

/**
 * The consent page of the browser flow: one radio per roster user (carrying data-open-id), then
 * #allow and #deny. Every name is escaped: roster names are arbitrary text.
 */
final class AuthorizePage {
  private final PublicAddress address;

  AuthorizePage(PublicAddress address) {
    this.address = address;
  }

  /**
   * @param signedIn the open id of the person the browser is signed in to Feishu as (the control
   *     page's user): preselected, as Feishu's own page offers the account already signed in; a
   *     consent asked later in the same browser is given by the same person
   */
  String render(AuthorizeRequest request, List<SimulatedUser> users, String signedIn) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Feishu simulator: log in to ")
        .append(HtmlText.escape(request.clientId()))
        .append("</h1><p class=\"muted\">Pick who you are, then allow or deny.</p>");
    scopes(body, request.scope());
    body.append("<form method=\"post\" action=\"").append(AuthorizeRoutes.PATH).append("\">");
    hidden(body, "client_id", request.clientId());
    hidden(body, "response_type", request.responseType());
    hidden(body, "redirect_uri", request.redirectUri());
    hidden(body, "scope", request.scope());
    hidden(body, "state", request.state());
    hidden(body, "code_challenge", request.codeChallenge());
    hidden(body, "code_challenge_method", request.codeChallengeMethod());
    boolean anySignedIn = users.stream().anyMatch(user -> user.openId().equals(signedIn));
    boolean first = true;
    for (SimulatedUser user : users) {
      boolean checked = anySignedIn ? user.openId().equals(signedIn) : first;
      String openId = HtmlText.escape(user.openId());
      body.append("<label class=\"user\"><input type=\"radio\" name=\"open_id\" value=\"")
          .append(openId)
          .append("\" data-open-id=\"")
          .append(openId)
          .append('"')
          .append(checked ? " checked" : "")
          .append("><img alt=\"\" src=\"")
          .append(HtmlText.escape(address.avatarUrlOf(user)))
          .append("\"><span class=\"name\">")
          .append(HtmlText.escape(user.name()))
          .append("</span><span class=\"muted\">")
          .append(HtmlText.escape(user.enName()))
          .append(user.disabled() ? " (not allowed to use the app)" : "")
          .append("</span></label>");
      first = false;
    }
    body.append("<button type=\"submit\" id=\"allow\" name=\"decision\" value=\"allow\">Allow")
        .append("</button><button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">")
        .append("Deny</button></form>");
    return HtmlPages.page("Feishu simulator: authorize", body.toString());
  }

  /** The permissions asked for beyond identity, so the person sees what Allow grants. */
  private static void scopes(StringBuilder body, String scope) {
    List<String> asked =
        Scopes.parse(scope).stream().filter(s -> !Scopes.IDENTITY.equals(s)).toList();
    if (asked.isEmpty()) {
      return;
    }
    body.append("<p>The app also asks for:</p><ul id=\"scopes\">");
    asked.forEach(s -> body.append("<li>").append(HtmlText.escape(s)).append("</li>"));
    body.append("</ul>");
  }

  private static void hidden(StringBuilder body, String name, String value) {
    if (value == null) {
      return;
    }
    body.append("<input type=\"hidden\" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(HtmlText.escape(value))
        .append("\">");
  }
}
