package io.tusk.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/reference/errors.md lists exactly the classes the build generated. */
class ErrorsDocumentationTest {

    static final Path DOC = Path.of("../docs/reference/errors.md");

    @Test
    void classTableInTheReferenceMatchesTheGeneratedClasses() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf("<!-- errcodes:start -->"), doc.indexOf("<!-- errcodes:end -->"));
        List<String> missing = new ArrayList<>();
        for (String code : Errors.sqlstates()) {
            Class<? extends DatabaseException> c = Errors.lookup(code);
            String row = "| `" + code + "` | `" + c.getField("CONDITION").get(null) + "` | `" + c.getSimpleName()
                    + "` | `" + c.getSuperclass().getSimpleName() + "` |";
            if (!table.contains(row)) {
                missing.add(row);
            }
        }
        long rows = table.lines().filter(l -> l.startsWith("| `")).count();
        assertTrue(missing.isEmpty(), "regenerate the table with: java driver/src/build/GenerateErrors.java --doc "
                + "driver/src/main/errcodes/errcodes.txt docs/reference/errors.md; missing rows: " + missing);
        assertEquals(Errors.sqlstates().size(), rows, "rows in the table of " + DOC);
    }
}
