package dev.miandeng.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The script that imitates the Feishu client's window.h5sdk and window.tt in an ordinary browser.
 * The switches are embedded when the script is served; codes come from POST /jsapi/code.
 */
final class JsapiShim {
  private static final String TEMPLATE =
      """
      /* Feishu simulator JSAPI shim: imitates window.h5sdk / window.tt of the Feishu client. */
      (function () {
        "use strict";
        var sim = __SIM_CONFIG__;
        if (sim.mode === "browser") {
          return; // an ordinary browser outside Feishu: no h5sdk, no tt
        }
        var errorHandlers = [];
        var configured = false; // h5sdk.config succeeded on this page
        var toasts = [];
        function later(callback, argument) {
          setTimeout(function () {
            if (typeof callback === "function") {
              callback(argument);
            }
          }, 0);
        }
        function reportError(failure) {
          errorHandlers.forEach(function (handler) { later(handler, failure); });
        }
        function refused() {
          return { errno: 2700002, errString: "user refused the authorization" };
        }
        // The client's consent sheet: the scopes asked for, Allow and Refuse (docs §4).
        function consentSheet(scopes, allow, refuse) {
          var sheet = document.createElement("div");
          sheet.id = "sim-consent";
          sheet.setAttribute("role", "dialog");
          sheet.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:2147483647;background:#fff;" +
            "border-top:1px solid #ccc;padding:16px;font:14px sans-serif;box-shadow:0 -4px 16px #0003";
          var title = document.createElement("p");
          title.textContent = "Feishu simulator: the app asks for these permissions";
          var list = document.createElement("ul");
          list.id = "sim-consent-scopes";
          scopes.forEach(function (scope) {
            var item = document.createElement("li");
            item.textContent = scope;
            list.appendChild(item);
          });
          function button(id, text, then) {
            var b = document.createElement("button");
            b.id = id;
            b.type = "button";
            b.textContent = text;
            b.style.margin = "0 8px 0 0";
            b.addEventListener("click", function () { sheet.remove(); then(); });
            return b;
          }
          sheet.append(title, list, button("sim-consent-allow", "Allow", allow),
            button("sim-consent-refuse", "Refuse", refuse));
          document.body.appendChild(sheet);
        }
        function call(kind, appId, scopeList, options, echoState, consent) {
          var opts = options || {};
          var body = { appId: appId, kind: kind, scopeList: scopeList || [] };
          if (consent) {
            body.consent = consent;
          }
          fetch(sim.base + "/jsapi/code", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body)
          }).then(function (response) {
            return response.json();
          }).then(function (answer) {
            if (answer.consentNeeded) {
              consentSheet(answer.consentNeeded, function () {
                call(kind, appId, scopeList, options, echoState, "allow");
              }, function () {
                later(opts.fail, refused());
              });
            } else if (answer.code) {
              var result = { code: answer.code };
              if (echoState && opts.state !== undefined) {
                result.state = opts.state;
              }
              later(opts.success, result);
            } else {
              var failure = { errno: answer.errno, errString: answer.errString };
              if (answer.h5sdkError) {
                reportError(failure); // first, as a client that reports it in both places may
              }
              later(opts.fail, failure);
            }
          }, function (error) {
            var failure = { errno: -1, errString: "simulator unreachable: " + error };
            reportError(failure);
            later(opts.fail, failure);
          });
        }
        window.h5sdk = {
          ready: function (callback) { later(callback); },
          error: function (callback) {
            if (typeof callback === "function") {
              errorHandlers.push(callback);
            }
          },
          // The client checks the signature with the ticket it issued and the page's own URL.
          config: function (options) {
            var opts = options || {};
            configured = false;
            fetch(sim.base + "/jsapi/config", {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({
                appId: opts.appId, timestamp: opts.timestamp, nonceStr: opts.nonceStr,
                signature: opts.signature, jsApiList: opts.jsApiList || [],
                url: String(window.location.href).split("#")[0]
              })
            }).then(function (response) {
              return response.json();
            }).then(function (answer) {
              if (answer.ok) {
                configured = true;
                later(opts.onSuccess, {});
              } else {
                var failure = { errorCode: answer.errorCode, errorMessage: answer.errorMessage };
                reportError(failure);
                later(opts.onFail, failure);
              }
            }, function (error) {
              var failure = { errorCode: 10001, errorMessage: "simulator unreachable: " + error };
              reportError(failure);
              later(opts.onFail, failure);
            });
          }
        };
        var tt = {
          requestAuthCode: function (options) {
            call("requestAuthCode", options && options.appId, [], options, false, null);
          },
          // Needs h5sdk.config first, as every JSAPI but login and closeWindow; errno 105 otherwise.
          showToast: function (options) {
            var opts = options || {};
            if (!configured) {
              later(opts.fail, { errno: 105, errString: "authentication fail" });
              return;
            }
            var toast = document.createElement("div");
            toast.setAttribute("data-simulated-toast", opts.icon || "none");
            toast.setAttribute("role", "status");
            toast.textContent = String(opts.title || "");
            toast.style.position = "fixed";
            toast.style.left = "50%";
            toast.style.bottom = "20%";
            toast.style.transform = "translateX(-50%)";
            toast.style.padding = "10px 16px";
            toast.style.borderRadius = "8px";
            toast.style.background = "rgba(0,0,0,0.8)";
            toast.style.color = "#fff";
            toast.style.zIndex = "2147483647";
            document.body.appendChild(toast);
            toasts.push(toast.textContent);
            setTimeout(function () { toast.remove(); }, opts.duration || 1500);
            later(opts.success, { errMsg: "showToast:ok" });
          }
        };
        // What the simulated client displayed, for tests (a toast leaves the screen on its own).
        window.__feishuSimulatorToasts = toasts;
        if (sim.mode !== "old-client") {
          tt.requestAccess = function (options) {
            call("requestAccess", options && options.appID, options && options.scopeList, options, true, "ask");
          };
        }
        window.tt = tt;
      })();
      """;

  private JsapiShim() {}

  static String render(String baseUrl, ClientSwitches switches) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("base", baseUrl);
    config.put("mode", switches.mode().wireName());
    config.put("user", switches.userOpenId());
    // '<' only occurs inside JSON strings, so escaping it keeps "</script>" out of the text.
    String literal = Json.write(config).replace("<", "\\u003c");
    return TEMPLATE.replace("__SIM_CONFIG__", literal);
  }
}
