// The JVM side of campaign-parity.test.mjs: one fingerprint per input line ("-" when the text has
// none), from the shared/ classes. Lines are JSON strings so texts can hold newlines.
// Run: java -cp shared/target/classes extension/test/jvm/CampaignFingerprints.java < texts
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.wedgewatch.campaign.Fingerprint;

public class CampaignFingerprints {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            Fingerprint fp = Fingerprint.of(unquote(line));
            out.append(fp == null ? "-" : fp.toString()).append('\n');
        }
        System.out.print(out);
    }

    /** A JSON string literal as written by JSON.stringify: escapes \" \\ \n \r \t \b \f \/ and \\uXXXX. */
    static String unquote(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }
}
