package io.tusk.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** JDBC SQL to PostgreSQL SQL: placeholders, quoting, comments, statements and escapes. */
class JdbcSqlTest {

    private static String nat(String sql) throws SQLException {
        return JdbcSql.parse(sql, true).nativeSql();
    }

    private static void same(String sql) throws SQLException {
        assertEquals(sql, nat(sql));
    }

    private static SQLException fails(String sql) {
        return assertThrows(SQLException.class, () -> JdbcSql.parse(sql, true));
    }

    @Nested
    class Placeholders {
        @Test
        void questionMarksBecomeNumberedPlaceholders() throws SQLException {
            JdbcSql sql = JdbcSql.parse("select ?, ? from t where a = ?", true);
            assertEquals("select $1, $2 from t where a = $3", sql.nativeSql());
            assertEquals(3, sql.parameterCount());
        }

        @Test
        void noPlaceholdersLeavesTheTextAlone() throws SQLException {
            JdbcSql sql = JdbcSql.parse("SELECT 41 + 1, 'tusk'", true);
            assertEquals("SELECT 41 + 1, 'tusk'", sql.nativeSql());
            assertEquals(0, sql.parameterCount());
        }

        @Test
        void castsAfterPlaceholders() throws SQLException {
            assertEquals("select $1::int, $2::text[], $3 :: numeric(10,2)", nat("select ?::int, ?::text[], ? :: numeric(10,2)"));
        }

        @Test
        void doubledQuestionMarkIsThePostgresOperator() throws SQLException {
            JdbcSql sql = JdbcSql.parse("select '{\"a\":1}'::jsonb ?? 'a', ?", true);
            assertEquals("select '{\"a\":1}'::jsonb ? 'a', $1", sql.nativeSql());
            assertEquals(1, sql.parameterCount());
        }

        @Test
        void questionPipeIsAPlaceholderThenAnOperatorAsInPgjdbc() throws SQLException {
            // pgjdbc reads ?| and ?& as a placeholder followed by | or &: jsonb's operators are ??| and ??&
            assertEquals("select x $1| array['a']", nat("select x ?| array['a']"));
            assertEquals("select x ?| array[$1], x ?& array[$2]", nat("select x ??| array[?], x ??& array[?]"));
        }

        @Test
        void threeQuestionMarksAreTheOperatorThenAPlaceholder() throws SQLException {
            assertEquals("select a ?$1", nat("select a ???"));
        }

        @Test
        void dollarPlaceholdersAlreadyThereAreKeptAsWritten() throws SQLException {
            // as pgjdbc: $1 is not a dollar quote and is not renumbered; mixing both styles is the caller's choice
            JdbcSql sql = JdbcSql.parse("select $1, ?", true);
            assertEquals("select $1, $1", sql.nativeSql());
            assertEquals(1, sql.parameterCount());
        }

        @Test
        void operatorsNextToPlaceholders() throws SQLException {
            assertEquals("select 4/2, 4-$1, $2*-1, -$3", nat("select 4/2, 4-?, ?*-1, -?"));
        }

        @Test
        void placeholdersTouchingWordsStayApart() throws SQLException {
            // "$1and" is "trailing junk after parameter" for PostgreSQL 15+, "x$1" an identifier
            assertEquals("select 1 where a=$1 and b=x $2", nat("select 1 where a=?and b=x?"));
            assertEquals("select $1,$2", nat("select ?,?"));
        }

        @Test
        void manyPlaceholdersGetMultiDigitNumbers() throws SQLException {
            String jdbc = "values (" + "?,".repeat(11) + "?)";
            JdbcSql sql = JdbcSql.parse(jdbc, false);
            assertEquals(12, sql.parameterCount());
            assertTrue(sql.nativeSql().endsWith("$10,$11,$12)"), sql.nativeSql());
        }
    }

    @Nested
    class Quoting {
        @Test
        void questionMarkInAStringIsText() throws SQLException {
            assertEquals("select '?', $1", nat("select '?', ?"));
        }

        @Test
        void doubledQuoteInsideAString() throws SQLException {
            assertEquals("select 'it''s ?', $1", nat("select 'it''s ?', ?"));
            assertEquals("select '''', $1, ''", nat("select '''', ?, ''"));
        }

        @Test
        void backslashIsPlainInAStandardString() throws SQLException {
            // standard_conforming_strings on: 'a\' is the string a\ and the next ? is a placeholder
            assertEquals("select 'a\\', $1", nat("select 'a\\', ?"));
        }

        @Test
        void backslashEscapesTheQuoteInAnEString() throws SQLException {
            assertEquals("select E'\\'?', $1", nat("select E'\\'?', ?"));
            assertEquals("select e'\\\\', $1", nat("select e'\\\\', ?"));
            assertEquals("select x, E'?\\n''?', $1", nat("select x, E'?\\n''?', ?"));
        }

        @Test
        void anIdentifierEndingInEIsNotAnEString() throws SQLException {
            // "some" + 'x\' is a standard string (a syntax error for the server, but not ours to rewrite)
            assertEquals("select some'x\\', $1", nat("select some'x\\', ?"));
        }

        @Test
        void unicodeEscapeStringsAreStandardStrings() throws SQLException {
            assertEquals("select U&'d\\0061t?', $1", nat("select U&'d\\0061t?', ?"));
        }

        @Test
        void quotedIdentifiers() throws SQLException {
            assertEquals("select \"a?\"\"b\", $1 from \"t;x\"", nat("select \"a?\"\"b\", ? from \"t;x\""));
        }

        @Test
        void dollarQuotes() throws SQLException {
            assertEquals("select $$ ? ' $$, $1", nat("select $$ ? ' $$, ?"));
            assertEquals("select $tag$ it's $$ ? $tag$, $1", nat("select $tag$ it's $$ ? $tag$, ?"));
            assertEquals("select $a$ $b$ ? $b$ $a$, $1", nat("select $a$ $b$ ? $b$ $a$, ?"));
            assertEquals("select $_1$?$_1$, $1", nat("select $_1$?$_1$, ?"));
        }

        @Test
        void dollarInsideIdentifiersIsNotAQuote() throws SQLException {
            assertEquals("select a$b, x$$y$$, $1", nat("select a$b, x$$y$$, ?"));
        }

        @Test
        void functionBodiesInDollarQuotesKeepTheirSemicolonsAndQuestionMarks() throws SQLException {
            String body = "create function f() returns int language plpgsql as $body$ begin raise notice '?'; return 1; end $body$";
            JdbcSql sql = JdbcSql.parse(body, true);
            assertEquals(1, sql.statementCount());
            assertEquals(0, sql.parameterCount());
            assertEquals(body, sql.nativeSql());
        }

        @Test
        void unicodeIdentifiers() throws SQLException {
            assertEquals("select äpfel, $1 from größe", nat("select äpfel, ? from größe"));
        }
    }

    @Nested
    class Comments {
        @Test
        void lineComments() throws SQLException {
            assertEquals("select $1 -- what? it's\n, $2", nat("select ? -- what? it's\n, ?"));
            assertEquals("select $1 -- ?\r, $2", nat("select ? -- ?\r, ?"));
            assertEquals("select 1 -- ?", nat("select 1 -- ?"));
        }

        @Test
        void blockCommentsNest() throws SQLException {
            assertEquals("select /* ? /* nested ? */ ' ? */ $1", nat("select /* ? /* nested ? */ ' ? */ ?"));
        }

        @Test
        void commentNextToAnOperator() throws SQLException {
            assertEquals("select 2 /* c */* $1", nat("select 2 /* c */* ?"));
        }

        @Test
        void onlyCommentsAndBlanksAreNoStatement() throws SQLException {
            JdbcSql sql = JdbcSql.parse("  -- nothing\n /* here */ ", true);
            assertEquals(0, sql.statementCount());
            assertEquals("", sql.nativeSql());
            assertEquals("", sql.command());
        }
    }

    @Nested
    class Statements {
        @Test
        void splitsAtTopLevelSemicolonsEachNumberedFromOne() throws SQLException {
            JdbcSql sql = JdbcSql.parse("select ?; insert into t values (?, ?)", true);
            assertEquals(2, sql.statementCount());
            assertEquals(3, sql.parameterCount());
            SqlStatement first = sql.statements().get(0);
            SqlStatement second = sql.statements().get(1);
            assertEquals("select $1", first.sql());
            assertEquals(1, first.parameterCount());
            assertEquals(0, first.firstParameter());
            assertEquals(" insert into t values ($1, $2)", second.sql());
            assertEquals(2, second.parameterCount());
            assertEquals(1, second.firstParameter());
            assertEquals("INSERT", second.command());
            // what pgjdbc's Connection.nativeSQL answers for several statements
            assertEquals("select $1; insert into t values ($1, $2)", sql.nativeSql());
        }

        @Test
        void semicolonsInsideQuotesAndCommentsDoNotSplit() throws SQLException {
            JdbcSql sql = JdbcSql.parse("select ';', \";\", $$;$$ /* ; */ -- ;\n; select 2;", true);
            assertEquals(2, sql.statementCount());
            assertEquals("select ';', \";\", $$;$$ /* ; */ -- ;\n", sql.statements().get(0).sql());
            assertEquals(" select 2", sql.statements().get(1).sql());
        }

        @Test
        void emptyStatementsAreDropped() throws SQLException {
            JdbcSql sql = JdbcSql.parse(";; select 1 ;  ; -- end\n", true);
            assertEquals(1, sql.statementCount());
            assertEquals(" select 1 ", sql.nativeSql());
        }

        @Test
        void aTrailingSemicolonIsNotAStatement() throws SQLException {
            JdbcSql sql = JdbcSql.parse("select 1;", true);
            assertEquals(1, sql.statementCount());
            assertEquals("select 1", sql.nativeSql());
        }

        @Test
        void beginAtomicBodiesKeepTheirSemicolons() throws SQLException {
            JdbcSql sql = JdbcSql.parse("create function f() returns int language sql begin atomic select 1; select case when true then 2 end; end; select ?", true);
            assertEquals(2, sql.statementCount());
            assertEquals("create function f() returns int language sql begin atomic select 1; select case when true then 2 end; end",
                    sql.statements().get(0).sql());
            assertEquals(" select $1", sql.statements().get(1).sql());
        }

        @Test
        void theCommandIsTheFirstKeyword() throws SQLException {
            assertEquals("SELECT", JdbcSql.parse("  /* c */ -- d\n sElEcT 1", true).command());
            assertEquals("UPDATE", JdbcSql.parse("update t set a = ?", true).command());
            assertEquals("CALL", JdbcSql.parse("call p(?)", true).command());
            assertTrue(JdbcSql.parse("CALL p(?)", true).isCall());
            assertFalse(JdbcSql.parse("select p(?)", true).isCall());
        }

        @Test
        void withStatementsKnowTheirMainStatement() throws SQLException {
            SqlStatement st = JdbcSql.parse("with x as (select 1), y as (delete from t returning *) insert into u select * from x", true)
                    .statements().get(0);
            assertEquals("WITH", st.command());
            assertEquals("INSERT", st.mainCommand());
            assertTrue(st.isInsert());
            assertEquals("SELECT", JdbcSql.parse("with select as (select 1) select * from select", true).statements().get(0).mainCommand());
            assertEquals("UPDATE", JdbcSql.parse("with recursive r(n) as (select 1 union all select n+1 from r where n < 3) update t set a = 1", true)
                    .statements().get(0).mainCommand());
        }

        @Test
        void returningIsSeenAtTheTopLevelOnly() throws SQLException {
            assertTrue(JdbcSql.parse("insert into t values (?) returning id", true).hasReturning());
            assertFalse(JdbcSql.parse("insert into t (\"returning\") values (?)", true).hasReturning());
            assertFalse(JdbcSql.parse("with a as (insert into t values (1) returning id) select * from a", true).hasReturning());
            assertFalse(JdbcSql.parse("insert into t values ('returning')", true).hasReturning());
            assertTrue(JdbcSql.parse("insert into t values (1)", true).isInsert());
            assertFalse(JdbcSql.parse("select 1; insert into t values (1)", true).isInsert());
        }
    }

    @Nested
    class InsertRewrite {
        @Test
        void valuesTupleIsRepeatedWithShiftedPlaceholders() throws SQLException {
            SqlStatement st = JdbcSql.parse("insert into t(a,b) values (?, ?)", true).statements().get(0);
            assertTrue(st.isRewritableInsert());
            assertEquals("insert into t(a,b) values ($1, $2),($3, $4),($5, $6)", st.rewriteInsert(3));
            assertEquals("insert into t(a,b) values ($1, $2)", st.rewriteInsert(1));
        }

        @Test
        void returningAndOnConflictWithoutPlaceholdersStayAfterTheTuples() throws SQLException {
            SqlStatement st = JdbcSql.parse("insert into t values (?, now()) on conflict do nothing returning id", true).statements().get(0);
            assertEquals("insert into t values ($1, now()),($2, now()) on conflict do nothing returning id", st.rewriteInsert(2));
        }

        @Test
        void severalTuplesAreOneBlock() throws SQLException {
            SqlStatement st = JdbcSql.parse("INSERT INTO t VALUES (?), (?)", true).statements().get(0);
            assertEquals("INSERT INTO t VALUES ($1), ($2),($3), ($4)", st.rewriteInsert(2));
        }

        @Test
        void multiDigitPlaceholdersAreRenumbered() throws SQLException {
            SqlStatement st = JdbcSql.parse("insert into t values (" + "?,".repeat(10) + "?)", true).statements().get(0);
            String rewritten = st.rewriteInsert(2);
            assertTrue(rewritten.endsWith("$10,$11),($12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)"), rewritten);
        }

        @Test
        void insertsThatCannotBeRewritten() throws SQLException {
            for (String sql : List.of(
                    "insert into t values (?) on conflict (a) do update set b = ?",
                    "insert into t select ?",
                    "insert into t default values",
                    "insert into t values (?, {fn ucase(?)})",
                    "update t set a = ?",
                    "with x as (select 1) insert into t values (?)")) {
                assertFalse(JdbcSql.parse(sql, true).statements().get(0).isRewritableInsert(), sql);
            }
        }

        @Test
        void valuesWithNestedParenthesesAndQuotes() throws SQLException {
            SqlStatement st = JdbcSql.parse("insert into t values (lower(?), '(', ?::int[])", true).statements().get(0);
            assertEquals("insert into t values (lower($1), '(', $2::int[]),(lower($3), '(', $4::int[])", st.rewriteInsert(2));
        }
    }

    @Nested
    class Escapes {
        @Test
        void scalarFunctionsArePostgresFunctions() throws SQLException {
            assertEquals("select upper($1)", nat("select {fn ucase(?)}"));
            assertEquals("select lower('A')", nat("select {fn lcase('A')}"));
            assertEquals("select ('a'||$1||'c')", nat("select {fn concat('a', ?, 'c')}"));
            assertEquals("select position('b' in $1)", nat("select {fn locate('b', ?)}"));
            assertEquals("select length(trim(trailing from 'a  '))", nat("select {fn length('a  ')}"));
            assertEquals("select trim(leading from ' a'), trim(trailing from 'a ')", nat("select {fn ltrim(' a')}, {fn rtrim('a ')}"));
            assertEquals("select substr('abc',2,1), substr('abc',2)", nat("select {fn substring('abc', 2, 1)}, {fn substring('abc', 2)}"));
            assertEquals("select ceil(1.5), floor(1.5), abs(-1), mod(7,3), round(1.5)",
                    nat("select {fn ceiling(1.5)}, {fn floor(1.5)}, {fn abs(-1)}, {fn mod(7, 3)}, {fn round(1.5)}"));
            assertEquals("select pow(2,10), trunc(1.55,1), ln(2), log(100)",
                    nat("select {fn power(2, 10)}, {fn truncate(1.55, 1)}, {fn log(2)}, {fn log10(100)}"));
            assertEquals("select now(), current_date, current_time", nat("select {fn now()}, {fn curdate()}, {fn curtime()}"));
            assertEquals("select extract(dow from d)+1, extract(day from d), extract(month from d), extract(year from d)",
                    nat("select {fn dayofweek(d)}, {fn dayofmonth(d)}, {fn month(d)}, {fn year(d)}"));
            assertEquals("select extract(hour from t), extract(minute from t), extract(second from t)",
                    nat("select {fn hour(t)}, {fn minute(t)}, {fn second(t)}"));
            assertEquals("select current_database(), user, coalesce(a,$1)", nat("select {fn database()}, {fn user()}, {fn ifnull(a, ?)}"));
            assertEquals("select chr(65), repeat(' ',3), substring('abc' for 2), random()",
                    nat("select {fn char(65)}, {fn space(3)}, {fn left('abc', 2)}, {fn rand()}"));
            assertEquals("select overlay('abcd' placing 'X' from 2 for 1)", nat("select {fn insert('abcd', 2, 1, 'X')}"));
            assertEquals("select substring('abc' from (length('abc')+1-2))", nat("select {fn right('abc', 2)}"));
        }

        @Test
        void functionsNotInTheTableAreSentAsWritten() throws SQLException {
            assertEquals("select pi(), my_schema.f($1,'x')", nat("select {fn pi()}, {fn my_schema.f(?, 'x')}"));
        }

        @Test
        void functionNamesAreCaseInsensitive() throws SQLException {
            assertEquals("select upper('a')", nat("SELECT {FN UCASE('a')}".replace("SELECT", "select")));
        }

        @Test
        void argumentsMayHoldCommasInQuotesAndParentheses() throws SQLException {
            assertEquals("select upper('a,b'), upper(f(1, 2)), ('(' || ')'||$1)", nat("select {fn ucase('a,b')}, {fn ucase(f(1, 2))}, {fn concat('(' || ')', ?)}"));
        }

        @Test
        void escapesNest() throws SQLException {
            assertEquals("select upper(lower($1))", nat("select {fn ucase({fn lcase(?)})}"));
        }

        @Test
        void placeholdersKeepTheirJdbcIndexWhenAFunctionReordersItsArguments() throws SQLException {
            // TIMESTAMPDIFF(unit, start, end) is end - start: ?1 is still the start
            assertEquals("select extract( day from ($2-$1))", nat("select {fn timestampdiff(SQL_TSI_DAY, ?, ?)}"));
            assertEquals("select ($3*sign(position($1 in substring($2 from $3)))+position($1 in substring($2 from $3)))",
                    nat("select {fn locate(?, ?, ?)}"));
        }

        @Test
        void timestampAdd() throws SQLException {
            assertEquals("select (CAST(2||' hour' as interval)+ts)", nat("select {fn timestampadd(SQL_TSI_HOUR, 2, ts)}"));
            assertEquals("select (CAST(($1::int * 3) || ' month' as interval)+$2)", nat("select {fn timestampadd(SQL_TSI_QUARTER, ?, ?)}"));
            assertThrows(SQLFeatureNotSupportedException.class, () -> nat("select {fn timestampadd(SQL_TSI_FRAC_SECOND, 1, ts)}"));
            assertThrows(SQLFeatureNotSupportedException.class, () -> nat("select {fn timestampdiff(SQL_TSI_MONTH, a, b)}"));
            SQLException e = fails("select {fn timestampadd(DAY, 1, ts)}");
            assertEquals("42601", e.getSQLState());
            assertTrue(e.getMessage().contains("SQL_TSI_DAY"), e.getMessage());
        }

        @Test
        void wrongArgumentCountNamesTheFunction() {
            SQLException e = fails("select {fn ucase('a', 'b')}");
            assertEquals("42601", e.getSQLState());
            assertTrue(e.getMessage().contains("ucase") && e.getMessage().contains("1 argument"), e.getMessage());
            assertEquals("42601", fails("select {fn curdate(1)}").getSQLState());
        }

        @Test
        void dateTimeAndTimestampLiterals() throws SQLException {
            assertEquals("select DATE '2024-01-31', TIME '23:59:00', TIMESTAMP '2024-01-31 23:59:00.5'",
                    nat("select {d '2024-01-31'}, {t '23:59:00'}, {ts '2024-01-31 23:59:00.5'}"));
            assertEquals("select DATE '2024-01-31'", nat("select {D  '2024-01-31' }"));
            assertEquals("42601", fails("select {d ?}").getSQLState());
        }

        @Test
        void outerJoinEscapeKeepsTheJoin() throws SQLException {
            assertEquals("select * from t1 left outer join t2 on t1.id = t2.id and t2.x = $1 where t1.y = $2",
                    nat("select * from {oj t1 left outer join t2 on t1.id = t2.id and t2.x = ?} where t1.y = ?"));
        }

        @Test
        void likeEscapeAndLimit() throws SQLException {
            assertEquals("select * from t where a like '\\_%' ESCAPE '\\'", nat("select * from t where a like '\\_%' {escape '\\'}"));
            assertEquals("select * from t LIMIT 10 offset $1", nat("select * from t {limit 10 offset ?}"));
            assertEquals("select * from t LIMIT $1", nat("select * from t {limit ?}"));
        }

        @Test
        void escapesOffSendsBracesAsWritten() throws SQLException {
            JdbcSql sql = JdbcSql.parse("select {fn ucase(?)}, {d '2024-01-01'}", false);
            assertEquals("select {fn ucase($1)}, {d '2024-01-01'}", sql.nativeSql());
        }

        @Test
        void bracesInStringsAreNotEscapes() throws SQLException {
            same("select '{fn x}', \"{d}\", $${oj}$$ -- {fn\n");
        }

        @Test
        void unknownEscapeNamesItself() {
            SQLException e = fails("select {foo 1}");
            assertEquals("42601", e.getSQLState());
            assertTrue(e instanceof SQLSyntaxErrorException);
            assertTrue(e.getMessage().contains("{foo"), e.getMessage());
            assertTrue(e.getMessage().contains("setEscapeProcessing"), e.getMessage());
        }

        @Test
        void unclosedEscape() {
            SQLException e = fails("select {fn ucase('a')");
            assertEquals("42601", e.getSQLState());
            assertTrue(e.getMessage().contains("never closed"), e.getMessage());
            assertEquals("42601", fails("select {d '2024-01-01'").getSQLState());
            assertEquals("42601", fails("select {fn ucase('a'").getSQLState());
        }
    }

    @Nested
    class PlainStatements {
        @Test
        void questionMarksStayAsWrittenButEscapesAreTranslated() throws SQLException {
            JdbcSql sql = JdbcSql.parseStatement("select '{}'::jsonb ? 'a', x ?| array['b'], {fn ucase('c')}", true);
            assertEquals("select '{}'::jsonb ? 'a', x ?| array['b'], upper('c')", sql.nativeSql());
            assertEquals(0, sql.parameterCount());
        }

        @Test
        void doubledQuestionMarkIsStillOneAsInPgjdbc() throws SQLException {
            assertEquals("select '{}'::jsonb ? 'a'", JdbcSql.parseStatement("select '{}'::jsonb ?? 'a'", false).nativeSql());
        }
    }

    @Nested
    class Calls {
        @Test
        void callEscapeSelectsFromTheFunctionAsPgjdbcDoes() throws SQLException {
            JdbcSql sql = JdbcSql.parse("{call f(?, ?)}", true);
            assertEquals("select * from f($1, $2) as result", sql.nativeSql());
            assertTrue(sql.isCallEscape());
            assertTrue(sql.isCall());
            assertFalse(sql.hasReturnParameter());
            assertEquals(2, sql.parameterCount());
            assertEquals("SELECT", sql.command());
        }

        @Test
        void returnParameterIsTheFirstArgument() throws SQLException {
            JdbcSql sql = JdbcSql.parse("{? = call f(?)}", true);
            assertEquals("select * from f($1,$2) as result", sql.nativeSql());
            assertTrue(sql.hasReturnParameter());
            assertEquals(2, sql.parameterCount());
            assertEquals("select * from f($1) as result", nat("{?= call f()}"));
            assertEquals(" select * from f($1) as result ", nat(" { ? = CALL f } "));
            assertEquals("select * from f($1 /* c */) as result", nat("{? = call f( /* c */)}"));
        }

        @Test
        void callWithoutParentheses() throws SQLException {
            assertEquals("select * from f() as result", nat("{call f}"));
        }

        @Test
        void callModes() throws SQLException {
            assertEquals("call p($1, $2)", JdbcSql.parse("{call p(?, ?)}", true, JdbcSql.CallMode.CALL).nativeSql());
            assertEquals("call p($1)", JdbcSql.parse("{call p(?)}", true, JdbcSql.CallMode.CALL_IF_NO_RETURN).nativeSql());
            assertEquals("select * from f($1,$2) as result",
                    JdbcSql.parse("{? = call f(?)}", true, JdbcSql.CallMode.CALL_IF_NO_RETURN).nativeSql());
            assertEquals("CALL", JdbcSql.parse("{call p()}", true, JdbcSql.CallMode.CALL).command());
        }

        @Test
        void callModesByPgjdbcsSettingNames() throws SQLException {
            assertEquals(JdbcSql.CallMode.SELECT, JdbcSql.CallMode.of(null));
            assertEquals(JdbcSql.CallMode.SELECT, JdbcSql.CallMode.of("select"));
            assertEquals(JdbcSql.CallMode.CALL_IF_NO_RETURN, JdbcSql.CallMode.of("callIfNoReturn"));
            assertEquals(JdbcSql.CallMode.CALL, JdbcSql.CallMode.of("CALL"));
            assertEquals("22023", assertThrows(SQLException.class, () -> JdbcSql.CallMode.of("exec")).getSQLState());
        }

        @Test
        void callBodiesKeepQuotesAndNestedEscapes() throws SQLException {
            assertEquals("select * from f('}', upper($1), DATE '2024-01-01') as result",
                    nat("{call f('}', {fn ucase(?)}, {d '2024-01-01'})}"));
            assertEquals("select * from \"s(x\".f($1) as result", nat("{call \"s(x\".f(?)}"));
        }

        @Test
        void commentsMayComeBeforeTheEscape() throws SQLException {
            assertEquals("/* c */ -- d\n select * from f() as result", nat("/* c */ -- d\n {call f()}"));
        }

        @Test
        void malformedCallEscapes() {
            for (String sql : List.of("select {call f()}", "{? call f()}", "{? = f()}", "{call}", "{call f(?)", "{callf()}")) {
                SQLException e = fails(sql);
                assertTrue(e.getMessage().startsWith("Malformed function or procedure escape syntax")
                        || e.getMessage().startsWith("Unknown JDBC escape"), sql + ": " + e.getMessage());
            }
        }
    }

    @Nested
    class Unclosed {
        @Test
        void unclosedQuotesAndCommentsNameWhereTheyStart() {
            SQLException e = fails("select 'abc, ?");
            assertEquals("42601", e.getSQLState());
            assertTrue(e.getMessage().contains("string constant starting at character 8"), e.getMessage());
            assertTrue(fails("select \"abc").getMessage().contains("quoted identifier"));
            assertTrue(fails("select /* a /* b */ c").getMessage().contains("block comment"));
            assertTrue(fails("select $q$ a").getMessage().contains("$q$"));
            assertTrue(fails("select E'a\\'").getMessage().contains("string constant"));
        }

        @Test
        void unclosedLineCommentIsFine() throws SQLException {
            same("select 1 -- no newline");
        }
    }
}
