package io.tusk.jdbc.internal.meta;

import java.util.regex.Pattern;

/** SQL LIKE as DatabaseMetaData patterns use it: % any run, _ one character, \ escapes the next. */
final class Like {
    private Like() {
    }

    /** Whether {@code value} matches {@code pattern}; a null or empty pattern matches everything. */
    static boolean matches(String pattern, String value) {
        if (pattern == null || pattern.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
