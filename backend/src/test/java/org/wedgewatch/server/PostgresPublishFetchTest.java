package org.wedgewatch.server;

/** The contract on a real PostgreSQL server started on loopback for this run (fails, never skips, without it). */
class PostgresPublishFetchTest extends PublishFetchContract {
    @Override
    String dbUrl() throws Exception {
        return PostgresCluster.get().newDatabase();
    }
}
