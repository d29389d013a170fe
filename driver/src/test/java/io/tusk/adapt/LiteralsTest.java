package io.tusk.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.internal.adapt.Transformer;
import io.tusk.types.Point;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client-side literals ({@code mogrify}) as psycopg writes them. */
class LiteralsTest {
    private static String quote(Object value) {
        return new Transformer(AdaptersMap.global(), AdaptContext.of(StandardCharsets.UTF_8,
                Map.of("standard_conforming_strings", "on"))).quote(value);
    }

    @Test
    void numbersAreBareWithASpaceBeforeAMinusSign() {
        assertEquals("10", quote(10));
        assertEquals(" -5", quote(-5), "so that 1-%s cannot become the comment 1--5");
        assertEquals("9223372036854775807", quote(Long.MAX_VALUE));
        assertEquals("123456789012345678901234567890", quote(new BigInteger("123456789012345678901234567890")));
        assertEquals(" -1.50", quote(new BigDecimal("-1.50")));
        assertEquals("0.5", quote(0.5));
        assertEquals(" -1.0E100", quote(-1e100));
    }

    @Test
    void specialFloatsAreQuotedAndCast() {
        assertEquals("'NaN'::float8", quote(Double.NaN));
        assertEquals("'Infinity'::float8", quote(Double.POSITIVE_INFINITY));
        assertEquals("'-Infinity'::float4", quote(Float.NEGATIVE_INFINITY));
    }

    @Test
    void booleansNullsBytesDatesStringsAndOtherTypes() {
        assertEquals("true", quote(true));
        assertEquals("false", quote(false));
        assertEquals("NULL", quote(null));
        assertEquals("'\\x00ff'::bytea", quote(new byte[] {0, (byte) 0xff}));
        assertEquals("'2020-01-01'::date", quote(LocalDate.of(2020, 1, 1)));
        assertEquals("'it''s'", quote("it's"));
        assertEquals(" E'back\\\\slash'", quote("back\\slash"));
        assertEquals("'(1,2)'::point", quote(new Point(1, 2)));
        assertEquals("'{1,2}'::int2[]", quote(List.of(1, 2)));
    }

    @Test
    void byteaWithStandardConformingStringsOffUsesAnEscapeString() {
        Transformer tx = new Transformer(AdaptersMap.global(), AdaptContext.of(StandardCharsets.UTF_8,
                Map.of("standard_conforming_strings", "off")));
        assertEquals(" E'\\\\x01'::bytea", tx.quote(new byte[] {1}));
    }
}
