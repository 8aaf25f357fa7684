package org.wedgewatch.server;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A connector whose selector threads yield the CPU before each select. The list GET runs on the
 * selector threads (see {@link ListFastPath}), so under load they never sleep; without the yield
 * one runs out its whole time slice while anything sharing the core (a proxy, the database, the
 * clients of a benchmark) waits, and every connection it holds waits with it. Yielding once per
 * batch of ready connections costs one cheap system call, nothing when no other thread is ready.
 * Measured with bench/server/bench.sh on 2 cores: 304 p99 7.3 ms without the yield, 2 ms with it.
 */
final class YieldingConnector extends ServerConnector {
    YieldingConnector(Server server, int selectors, ConnectionFactory factory) {
        super(server, 1, selectors, factory);
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new ServerConnectorManager(executor, scheduler, selectors) {
            @Override
            protected ManagedSelector newSelector(int id) {
                return new ManagedSelector(this, id) {
                    @Override
                    protected int nioSelect(Selector selector, boolean now) throws IOException {
                        Thread.yield();
                        return super.nioSelect(selector, now);
                    }
                };
            }
        };
    }
}
