package dev.miandeng.simulator;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Closes the TCP connection under a request without answering, to imitate a network failure. */
final class ConnectionDropper {
  private ConnectionDropper() {}

  static void drop(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }
}
