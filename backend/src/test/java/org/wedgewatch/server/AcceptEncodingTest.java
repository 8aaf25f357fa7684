package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Accept-Encoding values get the gzipped list. */
class AcceptEncodingTest {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip|true",
        "GZip|true",
        "gzip, deflate, br, zstd|true",
        "br ,  gzip |true",
        "deflate, gzip;q=0.5|true",
        "gzip;q=1.0|true",
        "gzip;q=0|false",
        "gzip ; Q = 0.000|false",
        "br, gzip;q=0.0, deflate|false",
        "gzip;q=0.01|true",
        "x-gzip|false",
        "gzipped|false",
        "deflate, br|false",
        "*|false",
        "''|false",
    })
    void gzipWhenListedWithoutZeroQuality(String value, boolean expected) {
        assertEquals(expected, ListHandlers.acceptsGzip(value), value);
    }

    @org.junit.jupiter.api.Test
    void noHeaderNoGzip() {
        assertEquals(false, ListHandlers.acceptsGzip(null));
    }
}
