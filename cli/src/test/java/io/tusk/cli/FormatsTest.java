package io.tusk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tusk.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FormatsTest {
    private static String write(ResultWriter.Format format, List<Column> columns, List<?>... rows) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        ResultWriter w = switch (format) {
            case csv -> new CsvWriter(pw);
            case json -> new JsonWriter(pw, oids -> oids.stream().map(o -> {
                JsonType t = JsonType.known(o);
                return t != null ? t : o == INT4_ARRAY ? new JsonType(JsonType.Kind.ARRAY, JsonType.NUMBER, ',')
                        : o == TEXT_ARRAY_2D ? new JsonType(JsonType.Kind.ARRAY, JsonType.STRING, ',') : JsonType.STRING;
            }).toList());
            default -> new TableWriter(pw);
        };
        w.begin(columns);
        for (List<?> r : rows) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) r;
            w.row(values);
        }
        w.end();
        pw.flush();
        return sw.toString();
    }

    private static final int TEXT = 25;
    private static final int INT4_ARRAY = 1007;
    private static final int TEXT_ARRAY_2D = 1009;

    private static List<Column> cols(Object... nameOid) {
        List<Column> out = new java.util.ArrayList<>();
        for (int i = 0; i < nameOid.length; i += 2) {
            out.add(TableWriter.column((String) nameOid[i], (Integer) nameOid[i + 1]));
        }
        return out;
    }

    @Test
    void csvQuotesAsPsqlDoesAndLeavesNullEmpty() {
        assertEquals("a,b\nplain,\"x, \"\"y\"\"\"\n\"two\nlines\",\n\"\\.\",\n",
                write(ResultWriter.Format.csv, cols("a", TEXT, "b", TEXT), List.of("plain", "x, \"y\""),
                        Arrays.asList("two\nlines", null), Arrays.asList("\\.", null)));
    }

    @Test
    void jsonMapsNumbersBooleansJsonAndArraysAndKeepsTheRestAsText() {
        assertEquals("[\n  {\"n\": 1.50, \"b\": true, \"s\": \"q\\\"\\n\\u0001\", \"z\": null, \"nan\": \"NaN\", "
                + "\"inf\": \"-Infinity\", \"j\": {\"a\": [1, 2]}, \"arr\": [1, null, 3]}\n]",
                write(ResultWriter.Format.json, cols("n", PgTypes.NUMERIC, "b", PgTypes.BOOL, "s", TEXT, "z", TEXT,
                                "nan", PgTypes.NUMERIC, "inf", PgTypes.FLOAT8, "j", PgTypes.JSONB, "arr", INT4_ARRAY),
                        Arrays.asList("1.50", "t", "q\"\n\u0001", null, "NaN", "-Infinity", "{\"a\": [1, 2]}", "{1,NULL,3}")));
        assertEquals("[]", write(ResultWriter.Format.json, cols("a", TEXT)));
        assertEquals("[[\"a,b\", \"c\\\"d\"], [null, \"NULL\"]]", new JsonType(JsonType.Kind.ARRAY, JsonType.STRING, ',')
                .json("{{\"a,b\",\"c\\\"d\"},{NULL,\"NULL\"}}"));
        assertEquals("1e+100", JsonType.NUMBER.json("1e+100"));
        assertEquals("\"Infinity\"", JsonType.NUMBER.json("Infinity"));
    }

    @Test
    void arrayLiteralsReadQuotesEscapesNullsDimensionsAndOtherDelimiters() {
        assertEquals(List.of("a,b", "c\"d", " x "), ArrayLiteral.parse("{\"a,b\",\"c\\\"d\",\" x \"}", ','));
        assertEquals(Arrays.asList(List.of("1", "2"), Arrays.asList(null, "")), ArrayLiteral.parse("{{1,2},{NULL,\"\"}}", ','));
        assertEquals(List.of("7", "8"), ArrayLiteral.parse("[0:1]={7,8}", ','));
        assertEquals(List.of("(1,1),(0,0)", "(2,2),(1,1)"), ArrayLiteral.parse("{(1,1),(0,0);(2,2),(1,1)}", ';'));
        assertEquals(List.of(), ArrayLiteral.parse("{}", ','));
        assertNull(ArrayLiteral.parse("1 2", ','), "int2vector's text is not an array literal");
    }

    @Test
    void tableAlignsAsPsqlWithNumbersRightAndLineBreaksMarked() {
        assertEquals(" n  | name \n----+------\n  7 | x\n 42 | a   +\n    | bc\n(2 rows)\n\n",
                write(ResultWriter.Format.table, cols("n", PgTypes.INT4, "name", TEXT), List.of("7", "x"), List.of("42", "a\nbc")));
    }

    @Test
    void tableCountsWideCharactersAsTwoColumns() {
        assertEquals(" w  | n \n----+---\n 漢 | 1\n e\u0301  | 2\n(2 rows)\n\n",
                write(ResultWriter.Format.table, cols("w", TEXT, "n", PgTypes.INT4), List.of("漢", "1"), List.of("e\u0301", "2")));
        assertEquals(5, DisplayWidth.of("漢字x"));
        assertEquals(2, DisplayWidth.of("\uD83D\uDC18"), "an emoji (U+1F418) is wide");
        assertEquals(1, DisplayWidth.of("\uFF71"), "halfwidth katakana is narrow");
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
