package org.wedgewatch.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.PatternList;
import org.wedgewatch.rules.Problem;

/** Reads list files strictly (UTF-8 only) and reports problems as FILE:LINE:COL: message. */
public final class ListFiles {
    private ListFiles() {
    }

    /** Decodes UTF-8, refusing malformed bytes instead of guessing. */
    public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String s = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Loads a list for matching; throws with every problem named when it is not usable. */
    public static PatternList load(Path file) throws IOException {
        String text;
        try {
            text = decodeUtf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            throw new IOException(file + ":1:1: the file is not valid UTF-8");
        }
        ParseResult r = ListParser.parse(text);
        if (!r.ok()) {
            StringBuilder sb = new StringBuilder();
            for (Problem p : r.problems()) sb.append(file).append(':').append(p).append('\n');
            throw new IOException(sb.toString().trim());
        }
        return r.list();
    }
}
