package org.isotherm.stac.cql2;

import java.text.Normalizer;

/**
 * The accent folding behind {@code ACCENTI}: each precomposed Latin letter (U+00C0 to U+024F) that decomposes
 * into a base letter and combining marks maps to its base letter. The same table serves SQL ({@code
 * translate(x, FROM, TO)}, both strings bound as parameters) and Java, so that both agree without the
 * {@code unaccent} extension.
 */
final class Accents {

    static final String FROM;
    static final String TO;

    static {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (char c = '\u00C0'; c <= '\u024F'; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (decomposed.length() > 1 && Character.isLetter(decomposed.charAt(0))) {
                from.append(c);
                to.append(decomposed.charAt(0));
            }
        }
        FROM = from.toString();
        TO = to.toString();
    }

    private Accents() {}

    static String fold(String text) {
        StringBuilder folded = null;
        for (int i = 0; i < text.length(); i++) {
            int index = FROM.indexOf(text.charAt(i));
            if (index >= 0) {
                if (folded == null) {
                    folded = new StringBuilder(text);
                }
                folded.setCharAt(i, TO.charAt(index));
            }
        }
        return folded == null ? text : folded.toString();
    }
}
