package io.tusk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FormatsTest {
    private static String write(ResultWriter.Format format, List<String> columns, List<?>... rows) {
        StringWriter sw = new StringWriter();
        ResultWriter w = format.open(new PrintWriter(sw));
        w.begin(columns);
        for (List<?> r : rows) {
            w.row(r);
        }
        w.end();
        return sw.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void csvQuotesOnlyFieldsWithCommasQuotesOrLineBreaksAndLeavesNullEmpty() {
        assertEquals("a,b\nplain,\"x, \"\"y\"\"\"\n\"two\nlines\",\n",
                write(ResultWriter.Format.csv, List.of("a", "b"), List.of("plain", "x, \"y\""), Arrays.asList("two\nlines", null)));
    }

    @Test
    void jsonKeepsNumbersAndBooleansAndEscapesStrings() {
        assertEquals("[\n  {\"n\": 1.50, \"b\": true, \"s\": \"q\\\"\\n\\u0001\", \"z\": null}\n]\n",
                write(ResultWriter.Format.json, List.of("n", "b", "s", "z"),
                        Arrays.asList(new BigDecimal("1.50"), true, "q\"\n\u0001", null)));
        assertEquals("[]\n", write(ResultWriter.Format.json, List.of("a")));
        assertEquals("\"NaN\"", JsonWriter.value(Double.NaN), "JSON has no NaN");
    }

    @Test
    void tableRightAlignsNumbersAndCountsRows() {
        assertEquals(" n  | name\n----+------\n  7 | x\n 42 | tusk\n(2 rows)\n\n",
                write(ResultWriter.Format.table, List.of("n", "name"), List.of(7, "x"), List.of(42, "tusk")));
    }

    @Test
    void byteaShowsAsPostgresHex() {
        assertEquals("\\x00ff", Values.text(new byte[] {0, (byte) 0xff}));
    }

    @Test
    void durationsReadOperatorShorthandAndIso() {
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("PT90S"));
        assertThrows(CommandLine.TypeConversionException.class, () -> Durations.parse("10 minutes"));
        assertThrows(CommandLine.TypeConversionException.class, () -> Durations.parse("m"));
    }

    @Test
    void agesPrintShortAndReadable() {
        assertEquals("42s", Durations.format(Duration.ofSeconds(42)));
        assertEquals("3m12s", Durations.format(Duration.ofSeconds(192)));
        assertEquals("2h05m", Durations.format(Duration.ofMinutes(125)));
        assertEquals("3d04h", Durations.format(Duration.ofHours(76)));
    }

    @Test
    void xidPartsShowAsTextWhenPrintableElseHex() {
        assertEquals("order-1234", PreparedXact.printable("order-1234".getBytes()));
        assertEquals("hex:0001fe", PreparedXact.printable(new byte[] {0, 1, (byte) 0xfe}));
        assertEquals("hex:0a", PreparedXact.printable(new byte[] {'\n'}), "control characters are not printable");
    }

    @Test
    void progressLinesShowRowsBytesAndRate() {
        assertEquals("100,000 rows  1.5 MB  50,000 rows/s", Progress.line(100_000, 1_572_864, 2_000_000_000L));
    }
}
