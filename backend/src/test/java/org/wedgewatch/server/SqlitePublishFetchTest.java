package org.wedgewatch.server;

/** The contract on the embedded default: an SQLite file under the data directory. */
class SqlitePublishFetchTest extends PublishFetchContract {
    @Override
    String dbUrl() {
        return null;
    }
}
