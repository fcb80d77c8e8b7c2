package dev.miandeng.adapter.feishu;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Feign client of every Feishu call: the JDK HttpClient with two bounds that Feign's own
 * clients lack (feign-java11 hands the decoder an unbounded stream with no timeout after the
 * headers).
 *
 * <ul>
 *   <li>One deadline for the whole call, connect, headers <b>and</b> body: the read timeout,
 *       shortened to what is left of the login's {@link Deadline}. A server that sends headers and
 *       then stalls costs one {@link HttpTimeoutException}, never a hung thread.
 *   <li>At most {@link #MAX_BODY} bytes of body: Feishu's JSON answers are a few KB; more is a
 *       proxy page or a fault, refused with {@link ReplyTooLargeException} without buffering it.
 * </ul>
 *
 * Both end the exchange (the body subscription is cancelled, which closes the connection).
 */
final class BoundedClient implements Client {

  /** 64 KB: the largest Feishu answer we read (user_info) is a few KB. */
  static final int MAX_BODY = 64 * 1024;

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;
  private final int maxBody;

  BoundedClient(HttpClient http, int maxBody) {
    this.http = http;
    this.maxBody = maxBody;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Duration budget = Deadline.clamp(Duration.ofMillis(options.readTimeoutMillis()));
    if (budget.isZero()) {
      throw new HttpTimeoutException("the login's deadline has passed");
    }
    CappedBody body = new CappedBody(maxBody);
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(toHttpRequest(request), info -> body);
    HttpResponse<byte[]> reply;
    try {
      reply = exchange.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException late) {
      abort(exchange, body);
      throw new HttpTimeoutException("no complete answer within " + budget.toMillis() + " ms");
    } catch (InterruptedException interrupted) {
      abort(exchange, body);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for Feishu");
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
    }
    return Response.builder()
        .request(request)
        .status(reply.statusCode())
        .reason("")
        .headers(new HashMap<String, Collection<String>>(reply.headers().map()))
        .body(reply.body())
        .build();
  }

  private static HttpRequest toHttpRequest(Request request) {
    // No HttpRequest.timeout: the wait on the future above bounds the whole call already, and each
    // request timeout is registered under one lock of the shared HttpClient and wakes its selector
    // thread, which a burst of logins queued on (bin/bench logins' thread census).
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    byte[] content = request.body();
    return builder
        .method(
            request.httpMethod().name(),
            content == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(content))
        .build();
  }

  private static void abort(CompletableFuture<?> exchange, CappedBody body) {
    body.cancel();
    exchange.cancel(true);
  }

  /** A body subscriber that keeps at most {@code max} bytes and gives up past that. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    CappedBody(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
      subscription = newSubscription;
      newSubscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(
              new ReplyTooLargeException("the answer is longer than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    void cancel() {
      Flow.Subscription current = subscription;
      if (current != null) {
        current.cancel();
      }
    }
  }

  /** The answer was longer than the cap; reading on would only fill the heap. */
  static final class ReplyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    ReplyTooLargeException(String message) {
      super(message);
    }
  }
}
