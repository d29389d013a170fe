/*
 * Build-time generator of Tusk's per-SQLSTATE exception classes, run by the JDK's single-file
 * source launcher (JEP 330) from driver/pom.xml in the generate-sources phase:
 *
 *   java GenerateErrors.java <errcodes.txt> <output dir> <hand-written sources dir>
 *       writes <output dir>/io/tusk/errors/<Class>.java for every SQLSTATE, plus SqlStates.java
 *   java GenerateErrors.java --doc <errcodes.txt> <errors.md>
 *       rewrites the table between the "errcodes:start" and "errcodes:end" markers of the doc
 *
 * It follows psycopg's tools/update_errors.py so that the class names and parents are psycopg's:
 * success and warning classes (00, 01) get no class, lines without a condition name are
 * skipped (they are aliases of a code listed again with its name), the class name is the
 * condition name in Python's str.title() spelling without underscores, and the parent is the
 * DB-API class of the SQLSTATE's class (psycopg's _base_exc_map). Files are rewritten only when
 * their text changes, and files of codes no longer listed are deleted, so the build is
 * incremental-safe without a "clean".
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class GenerateErrors {

    static final String PACKAGE = "io.tusk.errors";

    /**
     * psycopg's _base_exc_map (psycopg/errors.py): the DB-API class of a SQLSTATE by its first
     * two characters, else by its first one, else DatabaseError. Tusk refines class 40 to
     * TransactionRollbackException, a subclass of OperationalException as psycopg2's
     * TransactionRollbackError was.
     */
    static final Map<String, String> BASES = new LinkedHashMap<>();
    static {
        String[][] table = {
            {"08", "OperationalException"},     // Connection Exception
            {"0A", "NotSupportedException"},    // Feature Not Supported
            {"20", "ProgrammingException"},     // Case Not Found
            {"21", "ProgrammingException"},     // Cardinality Violation
            {"22", "DataException"},            // Data Exception
            {"23", "IntegrityException"},       // Integrity Constraint Violation
            {"24", "InternalException"},        // Invalid Cursor State
            {"25", "InternalException"},        // Invalid Transaction State
            {"26", "ProgrammingException"},     // Invalid SQL Statement Name
            {"27", "OperationalException"},     // Triggered Data Change Violation
            {"28", "OperationalException"},     // Invalid Authorization Specification
            {"2B", "InternalException"},        // Dependent Privilege Descriptors Still Exist
            {"2D", "InternalException"},        // Invalid Transaction Termination
            {"2F", "OperationalException"},     // SQL Routine Exception
            {"34", "ProgrammingException"},     // Invalid Cursor Name
            {"38", "OperationalException"},     // External Routine Exception
            {"39", "OperationalException"},     // External Routine Invocation Exception
            {"3B", "OperationalException"},     // Savepoint Exception
            {"3D", "ProgrammingException"},     // Invalid Catalog Name
            {"3F", "ProgrammingException"},     // Invalid Schema Name
            {"40", "TransactionRollbackException"}, // Transaction Rollback (psycopg: OperationalError)
            {"42", "ProgrammingException"},     // Syntax Error or Access Rule Violation
            {"44", "ProgrammingException"},     // WITH CHECK OPTION Violation
            {"53", "OperationalException"},     // Insufficient Resources
            {"54", "OperationalException"},     // Program Limit Exceeded
            {"55", "OperationalException"},     // Object Not In Prerequisite State
            {"57", "OperationalException"},     // Operator Intervention
            {"58", "OperationalException"},     // System Error
            {"F", "OperationalException"},      // Configuration File Error
            {"H", "OperationalException"},      // Foreign Data Wrapper Error (SQL/MED)
            {"P", "ProgrammingException"},      // PL/pgSQL Error
            {"X", "InternalException"},         // Internal Error
        };
        for (String[] row : table) {
            BASES.put(row[0], row[1]);
        }
    }

    static final String DEFAULT_BASE = "DatabaseException";

    /** SQLSTATEs whose parent is a hand-written class of their own rather than their class's. */
    static final Map<String, String> SPECIFIC_BASES = Map.of("57014", "QueryCanceledException");

    /**
     * psycopg's names that are not the plain title-cased condition name: condition names used
     * twice, and XX000 whose plain name is DB-API's InternalError.
     */
    static final Map<String, String> PSYCOPG_NAMES = Map.of(
            "38002", "ModifyingSqlDataNotPermittedExt",
            "38003", "ProhibitedSqlStatementAttemptedExt",
            "38004", "ReadingSqlDataNotPermittedExt",
            "39004", "NullValueNotAllowedExt",
            "XX000", "InternalError_");

    /**
     * Tusk's names that differ from psycopg's: 22000's DataException is Tusk's name for DB-API's
     * DataError, so it takes psycopg's trailing underscore as XX000 does.
     */
    static final Map<String, String> TUSK_NAMES = Map.of("22000", "DataException_");

    /** One SQLSTATE that gets a class. */
    record Code(String sqlstate, String condition, String psycopgName, String className, String base,
                String section) {
        String sqlClass() {
            return sqlstate.substring(0, 2);
        }
    }

    private static final Pattern SECTION = Pattern.compile("Section: (Class (..) - .+)");
    private static final Pattern CODE =
            Pattern.compile("(\\S{5})\\s+([EWS])\\s+ERRCODE_(\\S+)(?:\\s+(\\S+))?");

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--doc")) {
            writeDoc(parse(Path.of(args[1])), Path.of(args[2]));
        } else if (args.length == 3) {
            List<Code> codes = parse(Path.of(args[0]));
            checkNames(codes, Path.of(args[2]).resolve(PACKAGE.replace('.', '/')));
            writeSources(codes, Path.of(args[1]).resolve(PACKAGE.replace('.', '/')));
        } else {
            System.err.println("usage: java GenerateErrors.java <errcodes.txt> <output dir> <hand-written sources dir>\n"
                    + "       java GenerateErrors.java --doc <errcodes.txt> <errors.md>");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- parsing

    static List<Code> parse(Path errcodes) throws IOException {
        Map<String, Code> codes = new LinkedHashMap<>();
        String section = null;
        int lineNo = 0;
        for (String raw : Files.readAllLines(errcodes, StandardCharsets.US_ASCII)) {
            lineNo++;
            String line = raw.split("#", 2)[0].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                section = m.group(1);
                continue;
            }
            m = CODE.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException(errcodes + ":" + lineNo + ": neither a Section: nor a code line: "
                        + raw + "\n(update GenerateErrors.java if PostgreSQL changed the file's format)");
            }
            String sqlstate = m.group(1);
            String condition = m.group(4);
            // psycopg: a code without a condition name is an alias, not publicly visible.
            if (condition == null || sqlstate.startsWith("00") || sqlstate.startsWith("01")) {
                continue;
            }
            if (codes.containsKey(sqlstate)) {
                throw new IllegalStateException(errcodes + ":" + lineNo + ": SQLSTATE " + sqlstate
                        + " is listed twice with a condition name");
            }
            String psycopgName = psycopgName(sqlstate, condition);
            codes.put(sqlstate, new Code(sqlstate, condition, psycopgName,
                    TUSK_NAMES.getOrDefault(sqlstate, psycopgName), baseOf(sqlstate), section));
        }
        return new ArrayList<>(codes.values());
    }

    /** psycopg's rule: {@code errlabel.title().replace("_", "")}, with its few exceptions. */
    static String psycopgName(String sqlstate, String condition) {
        String specific = PSYCOPG_NAMES.get(sqlstate);
        if (specific != null) {
            return specific;
        }
        // Python's str.title(): a letter after a non-letter is upper case, any other letter lower.
        StringBuilder out = new StringBuilder();
        boolean previousIsLetter = false;
        for (char c : condition.toCharArray()) {
            boolean letter = Character.isLetter(c);
            if (letter) {
                out.append(previousIsLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            } else if (c != '_') {
                out.append(c);
            }
            previousIsLetter = letter;
        }
        return out.toString();
    }

    static String baseOf(String sqlstate) {
        String specific = SPECIFIC_BASES.get(sqlstate);
        if (specific != null) {
            return specific;
        }
        String base = BASES.get(sqlstate.substring(0, 2));
        if (base == null) {
            base = BASES.get(sqlstate.substring(0, 1));
        }
        return base == null ? DEFAULT_BASE : base;
    }

    /** Fails the build when a class name would be ambiguous in Java. */
    static void checkNames(List<Code> codes, Path handWritten) {
        Set<String> seen = new TreeSet<>();
        for (Code code : codes) {
            String name = code.className();
            String fix = "; give SQLSTATE " + code.sqlstate() + " another name in GenerateErrors.TUSK_NAMES";
            if (!seen.add(name)) {
                throw new IllegalStateException("two SQLSTATEs would be named " + name + fix);
            }
            if (Files.exists(handWritten.resolve(name + ".java"))) {
                throw new IllegalStateException(name + " is a hand-written class in " + handWritten + fix);
            }
            if (isJavaLangClass(name)) {
                throw new IllegalStateException(name + " would hide java.lang." + name + fix);
            }
        }
    }

    static boolean isJavaLangClass(String name) {
        try {
            Class.forName("java.lang." + name, false, GenerateErrors.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- Java sources

    static void writeSources(List<Code> codes, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> written = new TreeSet<>();
        for (Code code : codes) {
            written.add(writeIfChanged(dir.resolve(code.className() + ".java"), exceptionClass(code)));
        }
        written.add(writeIfChanged(dir.resolve("SqlStates.java"), registry(codes)));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path stale : files.filter(p -> !written.contains(p.getFileName().toString())).collect(Collectors.toList())) {
                Files.delete(stale);
            }
        }
    }

    static String writeIfChanged(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
        }
        return file.getFileName().toString();
    }

    static String exceptionClass(Code c) {
        String n = c.className();
        return "// Generated from PostgreSQL's errcodes.txt by driver/src/build/GenerateErrors.java: do not edit.\n"
                + "package " + PACKAGE + ";\n"
                + "\n"
                + "/**\n"
                + " * SQLSTATE {@code " + c.sqlstate() + "}, condition {@code " + c.condition()
                + "}: psycopg's {@code errors." + c.psycopgName() + "},\n"
                + " * " + article(c.base()) + " {@link " + c.base() + "} (PostgreSQL's " + html(c.section()) + ").\n"
                + " *\n"
                + " * <pre>{@code\n"
                + " * catch (" + n + " e) { log(e.sqlstate() + \": \" + e.diag().messagePrimary()); }\n"
                + " * }</pre>\n"
                + " */\n"
                + "public final class " + n + " extends " + c.base() + " {\n"
                + "    private static final long serialVersionUID = 1L;\n"
                + "\n"
                + "    /** The SQLSTATE this class stands for: {@value}. */\n"
                + "    public static final String SQLSTATE = \"" + c.sqlstate() + "\";\n"
                + "\n"
                + "    /** The condition name, as PL/pgSQL spells it: {@value}. */\n"
                + "    public static final String CONDITION = \"" + c.condition() + "\";\n"
                + "\n"
                + "    /** An error with this SQLSTATE raised by the client, e.g. in a test double. */\n"
                + "    public " + n + "(String message) {\n"
                + "        super(message);\n"
                + "    }\n"
                + "\n"
                + "    /** The error the server reported; {@link Errors#fromDiagnostic} is the usual way to make one. */\n"
                + "    public " + n + "(Diagnostic diag) {\n"
                + "        super(diag);\n"
                + "    }\n"
                + "\n"
                + "    public " + n + "(Diagnostic diag, Throwable cause) {\n"
                + "        super(diag, cause);\n"
                + "    }\n"
                + "\n"
                + "    /** Always {@value #SQLSTATE}, as psycopg's class attribute, even for a client-made error. */\n"
                + "    @Override\n"
                + "    public String sqlstate() {\n"
                + "        return SQLSTATE;\n"
                + "    }\n"
                + "}\n";
    }

    static String registry(List<Code> codes) {
        Map<String, List<Code>> byClass = new TreeMap<>();
        for (Code c : codes) {
            byClass.computeIfAbsent(c.sqlClass(), k -> new ArrayList<>()).add(c);
        }
        StringBuilder s = new StringBuilder();
        s.append("// Generated from PostgreSQL's errcodes.txt by driver/src/build/GenerateErrors.java: do not edit.\n")
         .append("package ").append(PACKAGE).append(";\n\n")
         .append("import java.util.List;\n")
         .append("import java.util.Map;\n\n")
         .append("/**\n")
         .append(" * The SQLSTATE registry behind {@link Errors}: code to class, code to constructor, condition\n")
         .append(" * and class name to code. Switches rather than maps of classes, so that a look-up loads\n")
         .append(" * only the class it returns; no reflection.\n")
         .append(" */\n")
         .append("final class SqlStates {\n\n")
         .append("    private SqlStates() {\n    }\n\n")
         .append("    /** Every SQLSTATE with a class of its own, in errcodes.txt order. */\n")
         .append("    static final List<String> CODES = List.of(");
        for (int i = 0; i < codes.size(); i++) {
            s.append(i % 8 == 0 ? "\n            " : " ").append('"').append(codes.get(i).sqlstate()).append('"')
             .append(i + 1 < codes.size() ? "," : "");
        }
        s.append(");\n\n");

        s.append("    /** Condition name in upper case to SQLSTATE (first listed wins for names used twice). */\n")
         .append("    private static final Map<String, String> BY_CONDITION = Map.ofEntries(");
        Map<String, String> conditions = new LinkedHashMap<>();
        for (Code c : codes) {
            conditions.putIfAbsent(c.condition().toUpperCase(java.util.Locale.ROOT), c.sqlstate());
        }
        appendEntries(s, conditions);
        s.append("    /** Simple class name to SQLSTATE. */\n")
         .append("    private static final Map<String, String> BY_CLASS_NAME = Map.ofEntries(");
        Map<String, String> names = new LinkedHashMap<>();
        for (Code c : codes) {
            names.put(c.className(), c.sqlstate());
        }
        appendEntries(s, names);

        s.append("    /** The SQLSTATE of a condition name in upper case, or null. */\n")
         .append("    static String codeOfCondition(String upperCaseName) {\n")
         .append("        return BY_CONDITION.get(upperCaseName);\n    }\n\n")
         .append("    /** The SQLSTATE of a generated class's simple name, or null. */\n")
         .append("    static String codeOfClassName(String simpleName) {\n")
         .append("        return BY_CLASS_NAME.get(simpleName);\n    }\n\n");

        dispatch(s, byClass, "Class<? extends DatabaseException>", "classOf", "String code",
                c -> c.className() + ".class", "classOf");
        dispatch(s, byClass, "DatabaseException", "create", "String code, Diagnostic diag",
                c -> "new " + c.className() + "(diag)", "create");

        s.append("    /** The DB-API class of any SQLSTATE by its class (psycopg's get_base_exception). */\n")
         .append("    static Class<? extends DatabaseException> baseClassOf(String code) {\n");
        baseSwitch(s, base -> base + ".class");
        s.append("    /** A DB-API exception of the class {@link #baseClassOf} gives. */\n")
         .append("    static DatabaseException createBase(String code, Diagnostic diag) {\n");
        baseSwitch(s, base -> "new " + base + "(diag)");
        return s.append("}\n").toString();
    }

    /** psycopg's get_base_exception as a switch: by two characters, then one, then DatabaseError. */
    static void baseSwitch(StringBuilder s, java.util.function.Function<String, String> value) {
        Map<String, List<String>> two = new LinkedHashMap<>();
        Map<String, List<String>> one = new LinkedHashMap<>();
        BASES.forEach((k, v) -> (k.length() == 2 ? two : one).computeIfAbsent(v, x -> new ArrayList<>()).add(k));
        s.append("        switch (code.length() >= 2 ? code.substring(0, 2) : \"\") {\n");
        appendBaseCases(s, two, value);
        s.append("            default:\n")
         .append("                break;\n")
         .append("        }\n")
         .append("        switch (code.isEmpty() ? \"\" : code.substring(0, 1)) {\n");
        appendBaseCases(s, one, value);
        s.append("            default:\n")
         .append("                return ").append(value.apply(DEFAULT_BASE)).append(";\n")
         .append("        }\n    }\n\n");
    }

    static void appendEntries(StringBuilder s, Map<String, String> entries) {
        int i = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            s.append("\n            Map.entry(\"").append(e.getKey()).append("\", \"").append(e.getValue()).append("\")")
             .append(++i < entries.size() ? "," : "");
        }
        s.append(");\n\n");
    }

    static void appendBaseCases(StringBuilder s, Map<String, List<String>> byBase,
                                java.util.function.Function<String, String> value) {
        byBase.forEach((base, keys) -> {
            for (String k : keys) {
                s.append("            case \"").append(k).append("\":\n");
            }
            s.append("                return ").append(value.apply(base)).append(";\n");
        });
    }

    /** A switch on the SQLSTATE's class, then one per class: small methods the JIT will compile. */
    static void dispatch(StringBuilder s, Map<String, List<Code>> byClass, String type, String name, String params,
                         java.util.function.Function<Code, String> value, String prefix) {
        String args = params.contains("diag") ? "code, diag" : "code";
        s.append("    /** For a SQLSTATE with a class of its own; null for any other. */\n")
         .append("    static ").append(type).append(' ').append(name).append('(').append(params).append(") {\n")
         .append("        if (code == null || code.length() != 5) {\n            return null;\n        }\n")
         .append("        switch (code.substring(0, 2)) {\n");
        for (String cls : byClass.keySet()) {
            s.append("            case \"").append(cls).append("\":\n")
             .append("                return ").append(prefix).append(cls).append('(').append(args).append(");\n");
        }
        s.append("            default:\n                return null;\n        }\n    }\n\n");
        for (Map.Entry<String, List<Code>> e : byClass.entrySet()) {
            s.append("    private static ").append(type).append(' ').append(prefix).append(e.getKey())
             .append('(').append(params).append(") {\n")
             .append("        switch (code) {\n");
            for (Code c : e.getValue()) {
                s.append("            case \"").append(c.sqlstate()).append("\":\n")
                 .append("                return ").append(value.apply(c)).append(";\n");
            }
            s.append("            default:\n                return null;\n        }\n    }\n\n");
        }
    }

    static String article(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------- documentation table

    static final String DOC_START = "<!-- errcodes:start -->";
    static final String DOC_END = "<!-- errcodes:end -->";

    static void writeDoc(List<Code> codes, Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int start = text.indexOf(DOC_START);
        int end = text.indexOf(DOC_END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(doc + " has no " + DOC_START + " ... " + DOC_END + " markers");
        }
        writeIfChanged(doc, text.substring(0, start + DOC_START.length()) + "\n" + docTable(codes) + text.substring(end));
    }

    static String docTable(List<Code> codes) {
        StringBuilder s = new StringBuilder();
        String section = null;
        for (Code c : codes.stream().sorted((a, b) -> a.sqlstate().compareTo(b.sqlstate())).collect(Collectors.toList())) {
            if (!c.section().equals(section)) {
                section = c.section();
                s.append("\n**").append(section).append("**\n\n")
                 .append("| SQLSTATE | condition | class | parent |\n")
                 .append("|---|---|---|---|\n");
            }
            s.append("| `").append(c.sqlstate()).append("` | `").append(c.condition()).append("` | `")
             .append(c.className()).append("` | `").append(c.base()).append("` |\n");
        }
        return s.append('\n').toString();
    }

}
