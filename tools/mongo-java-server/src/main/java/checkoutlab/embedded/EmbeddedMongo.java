package checkoutlab.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * Starts mongo-java-server on a loopback port and prints one line, {@code {"uri": "mongodb://…"}},
 * on stdout. Exits when stdin closes, so a parent that dies without stopping it leaves nothing
 * behind. Arguments:
 * <pre>
 *   --memory                  throw-away, in memory (the tests)
 *   --file PATH               persist in one H2 MVStore file (npm run dev)
 *   --port N                  default 0: a free port
 *   --cache-mb N              MVStore page cache, default 64
 * </pre>
 */
public final class EmbeddedMongo {

    private static final int WORKER_THREADS = 16;

    private EmbeddedMongo() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
            System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");

        String file = null;
        int port = 0;
        int cacheMb = 64;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--memory" -> file = null;
                case "--file" -> file = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--cache-mb" -> cacheMb = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }

        MongoBackend backend = file == null ? new IndexedMemoryBackend() : IndexedH2Backend.open(file, cacheMb);
        backend.version(WireVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        // More worker threads than Netty's default (2 per core): a thread waits while its command
        // commits, and the others keep serving connections meanwhile.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        // Closing the server closes the backend, which writes and closes the MVStore file.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));

        InetSocketAddress address = server.getLocalAddress();
        System.out.println("{\"uri\":\"mongodb://127.0.0.1:" + address.getPort() + "\"}");
        System.out.flush();

        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input; only the end of it matters
                }
            } catch (IOException ignored) {
                // the pipe broke: the parent is gone too
            }
            System.exit(0);
        }, "embedded-mongo-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        new CountDownLatch(1).await();
    }
}
