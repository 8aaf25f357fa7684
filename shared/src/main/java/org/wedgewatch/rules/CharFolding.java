package org.wedgewatch.rules;

/**
 * Folds look-alike characters to plain Latin ones: compatibility forms (fullwidth, mathematical
 * bold/italic, circled and squared letters), diacritics, Cyrillic and Greek homoglyphs, small caps,
 * and smart quotes. Case is kept: hashtags need it to split CamelCase.
 */
final class CharFolding {
    private CharFolding() {
    }

    /** Characters that are dropped: zero-width spaces and joiners, soft hyphen, variation selectors, combining marks. */
    static boolean isIgnorable(int cp) {
        return cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064)
                || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x0300 && cp <= 0x036F)
                || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    private static final int TABLE_SIZE = 0x2200;
    private static final char[] TABLE = new char[TABLE_SIZE];

    // Each entry: the plain character, then every character that folds to it.
    private static final String[] FOLDS = {
        "aÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎȦȧаАαΑᴀ", "bВвΒβʙℬ", "cÇçĆćĈĉĊċČčсСϲᴄℭℂ", "dĎďĐđÐðԁᴅ",
        "eÈÉÊËèéêëĒēĔĕĖėĘęĚěеЕёЁεΕᴇℰℯ", "fℱ", "gĜĝĞğĠġĢģɡɢℊ", "hĤĥĦħнНΗһʜℎℋℌℍ",
        "iÌÍÎÏìíîïĨĩĪīĬĭĮįİıіІιΙїЇɪℐℑ", "jĴĵјЈᴊ", "kĶķкКκΚᴋ", "lĹĺĻļĽľĿŀŁłʟℒℓ",
        "mмМΜᴍℳ", "nÑñŃńŅņŇňΝɴℕ", "oÒÓÔÕÖØòóôõöøŌōŎŏŐőоОοΟᴏℴ", "pрРρΡᴘℙ", "qԛℚ",
        "rŔŕŖŗŘřʀℛℜℝ", "sŚśŜŝŞşŠšſѕЅ", "tŢţŤťŦŧтТτΤᴛ", "uÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųυᴜ", "vνѵᴠ",
        "wŴŵԝѡᴡ", "xхХχΧ", "yÝýÿŶŷŸуУΥʏ", "zŹźŻżŽžΖᴢℨℤ",
        "'‘’‚‛ʼ`´′", "\"“”„‟«»″",
    };

    static {
        for (String fold : FOLDS) {
            char plain = fold.charAt(0);
            for (int i = 1; i < fold.length(); i++) {
                TABLE[fold.charAt(i)] = plain;
            }
        }
    }

    /** The folded code point; unchanged when nothing applies. */
    static int fold(int cp) {
        if (cp < 0x80) return cp;
        if (cp < TABLE_SIZE) {
            char c = TABLE[cp];
            return c != 0 ? c : cp;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0; // fullwidth ASCII
        if (cp >= 0x1D400 && cp <= 0x1D6A3) { // mathematical alphanumerics: 13 styles of A-Z a-z
            int off = (cp - 0x1D400) % 52;
            return off < 26 ? 'A' + off : 'a' + off - 26;
        }
        if (cp >= 0x1D7CE && cp <= 0x1D7FF) return '0' + (cp - 0x1D7CE) % 10;
        if (cp >= 0x24B6 && cp <= 0x24CF) return 'A' + cp - 0x24B6; // circled letters
        if (cp >= 0x24D0 && cp <= 0x24E9) return 'a' + cp - 0x24D0;
        if (cp >= 0x1F130 && cp <= 0x1F189 && (cp - 0x1F130) % 32 < 26) return 'A' + (cp - 0x1F130) % 32; // squared letters
        if (cp == 0xA730) return 'f'; // small capitals outside the table
        if (cp == 0xA731) return 's';
        return cp;
    }
}
