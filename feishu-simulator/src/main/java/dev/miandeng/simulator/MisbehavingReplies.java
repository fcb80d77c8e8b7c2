package dev.miandeng.simulator;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Replies that break the HTTP exchange itself rather than answer a Feishu error, so adapters can be
 * tested for bounded reads and overall deadlines (issue 8 part C): a gateway status without a
 * Feishu body, headers followed by silence, and a body far larger than any real answer.
 */
final class MisbehavingReplies {
  private static final int CHUNK = 16 * 1024;

  private MisbehavingReplies() {}

  /** {@code status} with a short plain-text body, as a gateway in front of Feishu answers. */
  static void bareStatus(Context ctx, int status) {
    ctx.status(status)
        .contentType("text/plain; charset=utf-8")
        .result(status + " simulated gateway answer");
  }

  /** Sends HTTP 200 headers at once, then nothing for {@code stall}, then drops the connection. */
  static void stallAfterHeaders(Context ctx, Duration stall) throws InterruptedException {
    HttpServletResponse response = ctx.res();
    response.setStatus(200);
    response.setContentType("application/json; charset=utf-8");
    try {
      response.flushBuffer();
    } catch (IOException clientGone) {
      return;
    }
    Thread.sleep(stall);
    ConnectionDropper.drop(ctx);
  }

  /**
   * HTTP 200 with {@code {"code":0,"msg":"ok","padding":"xxx…"}} exactly {@code bytes} long (at
   * least the frame), streamed in chunks so the simulator never holds it in memory.
   */
  static void oversizeBody(Context ctx, long bytes) {
    byte[] head = "{\"code\":0,\"msg\":\"ok\",\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
    long padding = Math.max(0, bytes - head.length - tail.length);
    HttpServletResponse response = ctx.res();
    response.setStatus(200);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLengthLong(head.length + padding + tail.length);
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) 'x');
    try {
      OutputStream out = response.getOutputStream();
      out.write(head);
      for (long left = padding; left > 0; left -= CHUNK) {
        out.write(chunk, 0, (int) Math.min(CHUNK, left));
      }
      out.write(tail);
      out.flush();
    } catch (IOException clientGone) {
      // The client stopped reading, which is what a bounded reader does: nothing to report.
    }
  }
}
