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
        function call(kind, appId, scopeList, options, echoState) {
          var opts = options || {};
          fetch(sim.base + "/jsapi/code", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ appId: appId, kind: kind, scopeList: scopeList || [] })
          }).then(function (response) {
            return response.json();
          }).then(function (answer) {
            if (answer.code) {
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
          config: function (options) { later(options && options.onSuccess, {}); }
        };
        var tt = {
          requestAuthCode: function (options) {
            call("requestAuthCode", options && options.appId, [], options, false);
          }
        };
        if (sim.mode !== "old-client") {
          tt.requestAccess = function (options) {
            call("requestAccess", options && options.appID, options && options.scopeList, options, true);
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
