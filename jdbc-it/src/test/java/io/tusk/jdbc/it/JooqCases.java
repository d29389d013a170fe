package io.tusk.jdbc.it;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.foreignKey;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.primaryKey;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Meta;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jOOQ 3.19 on a driver's connection: DDL, the DSL (RETURNING, batches, joins, aggregates,
 * arrays, nested transactions over savepoints) and {@link Meta}, jOOQ's view of the schema read
 * through DatabaseMetaData.
 */
abstract class JooqCases extends ClientCase {
    private static final Table<?> DEPT = table(name("department"));
    private static final Field<Integer> D_ID = field(name("department", "id"), Integer.class);
    private static final Field<String> D_NAME = field(name("department", "name"), String.class);
    private static final Table<?> EMP = table(name("employee"));
    private static final Field<Long> E_ID = field(name("employee", "id"), Long.class);
    private static final Field<Integer> E_DEPT = field(name("employee", "dept_id"), Integer.class);
    private static final Field<String> E_NAME = field(name("employee", "name"), String.class);
    private static final Field<BigDecimal> E_SALARY = field(name("employee", "salary"), BigDecimal.class);
    private static final Field<LocalDate> E_HIRED = field(name("employee", "hired"), LocalDate.class);
    private static final Field<String[]> E_SKILLS = field(name("employee", "skills"), String[].class);

    private Connection connection;
    private DSLContext ctx;

    JooqCases(Side side) {
        super(side);
    }

    @BeforeAll
    void schema() throws Exception {
        connection = side.connect(db);
        ctx = DSL.using(connection, SQLDialect.POSTGRES);
        ctx.createTable("department")
                .column("id", SQLDataType.INTEGER.identity(true))
                .column("name", SQLDataType.VARCHAR(50).nullable(false))
                .constraints(primaryKey("id"), unique("name"))
                .execute();
        ctx.createTable("employee")
                .column("id", SQLDataType.BIGINT.identity(true))
                .column("dept_id", SQLDataType.INTEGER.nullable(false))
                .column("name", SQLDataType.VARCHAR(100).nullable(false))
                .column("salary", SQLDataType.NUMERIC(10, 2))
                .column("hired", SQLDataType.LOCALDATE)
                .column("skills", SQLDataType.VARCHAR.array())
                .constraints(primaryKey("id"), foreignKey("dept_id").references("department", "id"))
                .execute();
        ctx.createIndex("employee_hired").on("employee", "hired").execute();
    }

    @AfterAll
    void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void dslWritesAndQueries() {
        Result<?> ids = ctx.insertInto(DEPT, D_NAME).values("R&D").values("Sales").returningResult(D_ID).fetch();
        assertEquals(2, ids.size());
        int rnd = ids.get(0).get(0, Integer.class);
        int sales = ids.get(1).get(0, Integer.class);

        int[] counts = ctx.batch(ctx.insertInto(EMP, E_DEPT, E_NAME, E_SALARY, E_HIRED, E_SKILLS)
                        .values((Integer) null, null, null, null, null))
                .bind(rnd, "ada", new BigDecimal("5000.00"), LocalDate.of(2020, 1, 15), new String[] {"math", "engines"})
                .bind(rnd, "grace", new BigDecimal("6000.00"), LocalDate.of(2019, 6, 1), new String[] {"cobol"})
                .bind(sales, "linus", new BigDecimal("3000.50"), LocalDate.of(2021, 3, 3), new String[] {})
                .execute();
        assertEquals(3, counts.length);

        Result<Record3<String, Integer, BigDecimal>> perDept = ctx.select(D_NAME, count(), sum(E_SALARY))
                .from(EMP).join(DEPT).on(E_DEPT.eq(D_ID))
                .groupBy(D_NAME).orderBy(D_NAME).fetch();
        assertEquals(List.of("R&D", "Sales"), perDept.getValues(D_NAME));
        assertEquals(List.of(2, 1), perDept.getValues(1, Integer.class));
        assertEquals(0, new BigDecimal("11000.00").compareTo(perDept.get(0).value3()));

        String[] skills = ctx.select(E_SKILLS).from(EMP).where(E_NAME.eq("ada")).fetchOne(E_SKILLS);
        assertEquals(List.of("math", "engines"), List.of(skills));
        assertEquals(LocalDate.of(2019, 6, 1), ctx.select(E_HIRED).from(EMP).where(E_NAME.eq("grace")).fetchOne(E_HIRED));

        assertEquals(1, ctx.update(EMP).set(E_SALARY, E_SALARY.mul(new BigDecimal("1.10"))).where(E_NAME.eq("linus")).execute());
        assertEquals(1, ctx.deleteFrom(EMP).where(E_NAME.eq("grace")).execute());

        assertEquals(List.of("ada|R&D|5000.00|2020-01-15|{math,engines}", "linus|Sales|3300.55|2021-03-03|{}"),
                sql("SELECT e.name || '|' || d.name || '|' || e.salary || '|' || e.hired || '|' || e.skills::text"
                        + " FROM employee e JOIN department d ON d.id = e.dept_id ORDER BY e.name"));
    }

    @Test
    void nestedTransactionRollsBackToItsSavepoint() {
        ctx.transaction(outer -> {
            outer.dsl().insertInto(DEPT, D_NAME).values("Kept").execute();
            assertThrows(IllegalStateException.class, () -> outer.dsl().transaction(inner -> {
                inner.dsl().insertInto(DEPT, D_NAME).values("Undone").execute();
                throw new IllegalStateException("undo the inner work");
            }));
        });
        assertEquals(List.of("Kept"), sql("SELECT name FROM department WHERE name IN ('Kept', 'Undone')"));
    }

    @Test
    void metaReadsTheSchema() {
        Meta meta = ctx.meta();
        assertTrue(meta.getSchemas().stream().anyMatch(s -> s.getName().equals("public")));
        Table<?> employee = meta.getTables("employee").stream()
                .filter(t -> t.getSchema() != null && t.getSchema().getName().equals("public"))
                .findFirst().orElseThrow();

        assertEquals(List.of("id", "dept_id", "name", "salary", "hired", "skills"),
                List.of(employee.fields()).stream().map(Field::getName).collect(Collectors.toList()));
        assertEquals(10, employee.field("salary").getDataType().precision());
        assertEquals(2, employee.field("salary").getDataType().scale());
        assertEquals(100, employee.field("name").getDataType().length());
        assertEquals(false, employee.field("name").getDataType().nullable());
        assertTrue(employee.field("skills").getDataType().isArray(), employee.field("skills").getDataType().toString());
        assertTrue(employee.field("id").getDataType().identity(), "id is an identity column");

        assertEquals(List.of("id"), employee.getPrimaryKey().getFields().stream().map(Field::getName).collect(Collectors.toList()));
        List<? extends ForeignKey<?, ?>> fks = employee.getReferences();
        assertEquals(1, fks.size());
        assertEquals("department", fks.get(0).getKey().getTable().getName());
        assertEquals(List.of("dept_id"), fks.get(0).getFields().stream().map(Field::getName).collect(Collectors.toList()));
        Set<String> indexes = employee.getIndexes().stream().map(i -> i.getName()).collect(Collectors.toSet());
        assertTrue(indexes.contains("employee_hired"), indexes.toString());

        Table<?> department = meta.getTables("department").get(0);
        assertEquals(1, department.getUniqueKeys().size(), "the unique key on name");
    }
}
