package dev.miandeng.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.json.JavalinJackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Writing the {@code /api/me} body ({@link BareServer#meBody()}, the app's shape) to JSON bytes,
 * three ways: as adapters-web's {@code Json.write} does today (a fresh generator and byte array per
 * response from a shared {@code ObjectMapper}), as Javalin's own {@code ctx.json} does (the bare
 * server), and with a prebuilt {@code ObjectWriter} into a reused per-thread buffer — the
 * "JSON writer reused" idea of issue 13, item 2. Runs only with {@code -Pbenchmarks}; see the
 * module README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MeBodyJsonBenchmark {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter WRITER = MAPPER.writerFor(Map.class);
  private static final JavalinJackson JAVALIN = new JavalinJackson();

  private final Map<String, Object> body = BareServer.meBody();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

  @Benchmark
  public byte[] objectMapperBytesPerResponse() throws IOException {
    return MAPPER.writeValueAsBytes(body);
  }

  @Benchmark
  public String javalinCtxJson() {
    return JAVALIN.toJsonString(body, Map.class);
  }

  @Benchmark
  public int prebuiltWriterReusedBuffer() throws IOException {
    buffer.reset();
    try (JsonGenerator generator = MAPPER.createGenerator(buffer)) {
      WRITER.writeValue(generator, body);
    }
    return buffer.size();
  }
}
