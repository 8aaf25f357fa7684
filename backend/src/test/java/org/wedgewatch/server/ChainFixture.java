package org.wedgewatch.server;

import java.nio.file.Path;

/**
 * A key chain made only with the CLI, as an operator would: root 1 (2 of 3 keys a, b, c), root 2
 * (1 of keys c, d) signed by a and b of root 1 and by c of root 2, and a certificate for the online
 * signing key under root 2 signed by d. Also writes root-1-only files for the other tests.
 */
final class ChainFixture {
    private ChainFixture() {
    }

    static void build(Path offline, Path data) throws Exception {
        String o = offline.toString();
        String d = data.toString();
        KeyChainTest.keys("init", "--data", d);
        for (String name : new String[] {"a", "b", "c", "d"}) KeyChainTest.keys("root-key", "--out", o, "--name", name);
        KeyChainTest.keys("root", "--version", "1", "--threshold", "2", "--key", o + "/a.pub", "--key", o + "/b.pub",
                "--key", o + "/c.pub", "--out", o + "/root-1.json");
        KeyChainTest.keys("sign", o + "/root-1.json", "--key", o + "/a.key", "--key", o + "/b.key");
        KeyChainTest.keys("certify", "--root", o + "/root-1.json", "--data", d, "--days", "30", "--out", o + "/cert-1.json");
        KeyChainTest.keys("sign", o + "/cert-1.json", "--key", o + "/a.key", "--key", o + "/c.key");
        KeyChainTest.keys("root", "--version", "2", "--threshold", "1", "--key", o + "/c.pub", "--key", o + "/d.pub",
                "--out", o + "/root-2.json");
        KeyChainTest.keys("sign", o + "/root-2.json", "--key", o + "/a.key", "--key", o + "/b.key", "--key", o + "/c.key");
        KeyChainTest.keys("certify", "--root", o + "/root-2.json", "--data", d, "--days", "30", "--out", o + "/cert-2.json");
        KeyChainTest.keys("sign", o + "/cert-2.json", "--key", o + "/d.key");
        KeyChainTest.keys("activate", "--data", d, "--root", o + "/root-1.json", "--root", o + "/root-2.json",
                "--cert", o + "/cert-2.json");
    }
}
