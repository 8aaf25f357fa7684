package org.wedgewatch.server;

/** The pages and the console in Chromium, on the embedded SQLite database. */
class SqliteConsoleBrowserTest extends ConsoleBrowserContract {
    @Override
    String databaseUrl() {
        return null;
    }
}
