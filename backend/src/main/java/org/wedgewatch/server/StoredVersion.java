package org.wedgewatch.server;

/** One version of a list as stored, with the signed metadata that goes out with it. */
public record StoredVersion(String listId, String group, long version, String body, String sha256, long sizeBytes,
                            String title, String description, int ruleCount, int expiresHours,
                            long publishedAt, String publishedBy, SignedMetadata signed) {
}
