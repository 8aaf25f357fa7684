package org.wedgewatch.server;

import java.nio.file.Path;
import java.time.Duration;

/** Every setting of the list server, with its default, in one place. */
public final class ServerConfig {
    /** 0 picks a free port (tests). */
    public int port = 8080;
    public String host = "0.0.0.0";
    /** Where the SQLite file (by default) and the signing keys live. */
    public Path dataDir = Path.of("data");
    /** null: the embedded SQLite file under dataDir. */
    public String dbUrl = null;
    /** The largest list body a publish may send. */
    public int maxListBytes = 2_000_000;
    /** A connection that sends nothing for this long is closed. */
    public Duration idleTimeout = Duration.ofSeconds(30);
    /** A request body must arrive within this; a slow drip is cut off with 408. */
    public Duration bodyReadTimeout = Duration.ofSeconds(20);
    /** An anonymous body (a report, at most 16 KB) must arrive within this: a short deadline. */
    public Duration reportReadTimeout = Duration.ofSeconds(5);
    /** Anonymous bodies read at once from one client address, and from all together. */
    public int bodiesPerClient = 2;
    public int bodiesInFlight = 32;
    /** Failed authentications an address may make per minute before it gets 429. */
    public int authFailuresPerMinute = 10;
    /** Failed-authentication rows the audit log takes per minute; the rest are summed in one row. */
    public int authFailureRowsPerMinute = 60;
    /** Quotas per publisher group. */
    public int maxListsPerGroup = 100;
    public int maxVersionsPerGroup = 20_000;
    /** Make the signing key at start if there is none (first start only: a lost key is never replaced silently). */
    public boolean initKeys = false;
    /** How long a signature over the current version stays valid (the freeze bound). */
    public Duration signatureValidity = Duration.ofDays(7);
    /** How often each instance looks for versions published by other instances. */
    public Duration refreshInterval = Duration.ofSeconds(1);
    /** Cache-Control max-age for the current list URL. */
    public Duration currentMaxAge = Duration.ofSeconds(60);
    /** Reports accepted per client address per hour. */
    public int reportsPerHour = 30;
    /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
    public boolean trustForwardedFor = false;
    /** Base URL for links in the catalogue; null: derived from each request's Host. */
    public String publicUrl = null;

    public String jdbcUrl() {
        return dbUrl != null ? dbUrl : Database.defaultUrl(dataDir);
    }
}
