package org.wedgewatch.server;

/** The pages and the console in Chromium, on a real PostgreSQL server. */
class PostgresConsoleBrowserTest extends ConsoleBrowserContract {
    @Override
    String databaseUrl() throws Exception {
        return PostgresCluster.get().newDatabase();
    }
}
