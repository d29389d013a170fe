package io.tusk.jdbc.internal.meta;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** DatabaseMetaData's LIKE patterns, applied in Java to the routine columns the server does not filter. */
class LikeTest {

    @Test
    void percentAndUnderscoreAreWildcards() {
        assertTrue(Like.matches("f%", "first"));
        assertTrue(Like.matches("f_rst", "first"));
        assertFalse(Like.matches("f_rst", "frst"));
        assertTrue(Like.matches("%", ""));
    }

    @Test
    void backslashEscapesAWildcard() {
        assertTrue(Like.matches("a\\_b", "a_b"));
        assertFalse(Like.matches("a\\_b", "axb"));
        assertTrue(Like.matches("100\\%", "100%"));
    }

    @Test
    void nullOrEmptyPatternMeansAny() {
        assertTrue(Like.matches(null, "anything"));
        assertTrue(Like.matches("", "anything"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(Like.matches("a.b*", "a.b*"));
        assertFalse(Like.matches("a.b", "axb"));
    }
}
