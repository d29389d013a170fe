package io.tusk.jdbc.internal;

/**
 * Where PostgreSQL's lexical atoms end: string constants, quoted identifiers, dollar-quoted
 * strings and comments, as the server's scanner ({@code src/backend/parser/scan.l}) reads them
 * with {@code standard_conforming_strings} on. Each method takes the index of the atom's first
 * character and answers the index just past its end, or {@code -1} when the text ends first.
 */
final class SqlScan {
    private SqlScan() {
    }

    /** scan.l's {@code ident_start}: a letter, an underscore or any non-ASCII character. */
    static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** scan.l's {@code ident_cont}: also digits and {@code $}. */
    static boolean identCont(char c) {
        return identStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /**
     * A {@code '...'} constant; {@code ''} is a quote inside it. With {@code backslashes} (an
     * {@code E'...'} constant, PostgreSQL docs 4.1.2.2) a backslash escapes the next character.
     */
    static int singleQuoted(String s, int i, boolean backslashes) {
        int len = s.length();
        int j = i + 1;
        while (j < len) {
            char c = s.charAt(j);
            if (c == '\\' && backslashes) {
                j += 2;
            } else if (c == '\'') {
                if (j + 1 < len && s.charAt(j + 1) == '\'') {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return -1;
    }

    /** A {@code "..."} identifier; {@code ""} is a quote inside it. */
    static int doubleQuoted(String s, int i) {
        int len = s.length();
        int j = i + 1;
        while (j < len) {
            if (s.charAt(j) == '"') {
                if (j + 1 < len && s.charAt(j + 1) == '"') {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return -1;
    }

    /** A {@code --} comment: it ends before the line break (or at the end of the text). */
    static int lineComment(String s, int i) {
        int len = s.length();
        int j = i + 2;
        while (j < len && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    /** A {@code /* ... *}{@code /} comment; these nest in PostgreSQL (docs 4.1.5). */
    static int blockComment(String s, int i) {
        int len = s.length();
        int level = 1;
        int j = i + 2;
        while (j < len) {
            char c = s.charAt(j);
            if (c == '*' && j + 1 < len && s.charAt(j + 1) == '/') {
                j += 2;
                if (--level == 0) {
                    return j;
                }
            } else if (c == '/' && j + 1 < len && s.charAt(j + 1) == '*') {
                j += 2;
                level++;
            } else {
                j++;
            }
        }
        return -1;
    }

    /**
     * The end of a dollar-quote tag ({@code $$} or {@code $tag$}, tag as an identifier without
     * {@code $}) starting at {@code i}, or {@code -1} when the {@code $} starts no tag (as in
     * {@code $1}).
     */
    static int dollarTag(String s, int i) {
        int len = s.length();
        if (i + 1 >= len) {
            return -1;
        }
        char c = s.charAt(i + 1);
        if (c == '$') {
            return i + 2;
        }
        if (!identStart(c)) {
            return -1;
        }
        for (int j = i + 2; j < len; j++) {
            char d = s.charAt(j);
            if (d == '$') {
                return j + 1;
            }
            if (!identCont(d)) {
                return -1;
            }
        }
        return -1;
    }

    /** A dollar-quoted string whose opening tag is {@code s[i, tagEnd)}: it ends after the same tag. */
    static int dollarQuoted(String s, int i, int tagEnd) {
        String tag = s.substring(i, tagEnd);
        int close = s.indexOf(tag, tagEnd);
        return close < 0 ? -1 : close + tag.length();
    }

    /** The first index at or after {@code i} that is neither white space nor in a comment. */
    static int skipBlank(String s, int i) {
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            if (space(c)) {
                i++;
            } else if (c == '-' && i + 1 < len && s.charAt(i + 1) == '-') {
                i = lineComment(s, i);
            } else if (c == '/' && i + 1 < len && s.charAt(i + 1) == '*') {
                int end = blockComment(s, i);
                if (end < 0) {
                    return len;
                }
                i = end;
            } else {
                break;
            }
        }
        return i;
    }

    /** The end of the identifier-like word starting at {@code i}. */
    static int wordEnd(String s, int i) {
        int len = s.length();
        int j = i + 1;
        while (j < len && identCont(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Whether {@code s[from, to)} is {@code word} (ASCII letters, any case). */
    static boolean is(String s, int from, int to, String word) {
        return to - from == word.length() && s.regionMatches(true, from, word, 0, word.length());
    }
}
