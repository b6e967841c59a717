import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node in this JVM, listening on 127.0.0.1 only.
 *
 * <p>Usage: {@code java -cp <classpath> Launcher <data-dir> <http-port> <transport-port>}. Runs until the process
 * is stopped (SIGTERM closes the node cleanly).
 */
public class Launcher {
    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int httpPort = Integer.parseInt(args[1]);
        int transportPort = Integer.parseInt(args[2]);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(httpPort);
        runner.onBuild((index, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            // A cluster of its own: never look for (or join) another node on this machine.
            settings.put("discovery.type", "single-node");
            settings.put("action.auto_create_index", "false");
            // Never refuse writes because the developer's disk is nearly full.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });
        runner.build(newConfigs().basePath(dataDir).numOfNode(1).baseHttpPort(httpPort - 1).clusterName("maghub-" + httpPort)
                .disableESLogger());
        runner.ensureGreen();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception error) {
                error.printStackTrace();
            }
        }));
        System.out.println("opensearch: ready on http://127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }
}
