package io.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MyBatis 3.5 on a driver's DataSource: an annotated mapper with insert (generated keys, both by
 * RETURN_GENERATED_KEYS and by key column name), select, update, delete, a batch executor, and a
 * session rolled back.
 */
abstract class MyBatisCases extends ClientCase {
    private SqlSessionFactory sessions;

    MyBatisCases(Side side) {
        super(side);
    }

    @BeforeAll
    void start() throws Exception {
        Configuration config = new Configuration(new Environment("test", new JdbcTransactionFactory(), side.dataSource(db)));
        config.setMapUnderscoreToCamelCase(true);
        config.addMapper(NoteMapper.class);
        sessions = new SqlSessionFactoryBuilder().build(config);
        try (SqlSession s = sessions.openSession(true)) {
            s.getConnection().createStatement().execute("CREATE TABLE note (id bigserial PRIMARY KEY, title text NOT NULL, "
                    + "body text, stars int NOT NULL DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    @Test
    void mapperInsertsWithGeneratedKeysSelectsUpdatesDeletes() {
        Note a = new Note("first", "hello");
        Note b = new Note("second", null);
        try (SqlSession s = sessions.openSession()) {
            NoteMapper m = s.getMapper(NoteMapper.class);
            assertEquals(1, m.insert(a));
            assertEquals(1, m.insertByKeyColumn(b));
            s.commit();
        }
        assertNotNull(a.id);
        assertTrue(b.id > a.id, a.id + " then " + b.id);
        assertEquals(List.of(a.id + "|first|hello", b.id + "|second|"),
                sql("SELECT id || '|' || title || '|' || coalesce(body, '') FROM note WHERE title IN ('first', 'second') ORDER BY id"));

        try (SqlSession s = sessions.openSession()) {
            NoteMapper m = s.getMapper(NoteMapper.class);
            Note read = m.find(a.id);
            assertEquals("first", read.title);
            assertEquals("hello", read.body);
            assertNotNull(read.createdAt);
            assertEquals(1, m.star(b.id, 5));
            assertEquals(1, m.delete(a.id));
            s.commit();
        }
        assertEquals(List.of(b.id + "|second|5"),
                sql("SELECT id || '|' || title || '|' || stars FROM note WHERE title IN ('first', 'second') ORDER BY id"));
    }

    @Test
    void batchExecutorAndRollback() {
        try (SqlSession s = sessions.openSession(ExecutorType.BATCH)) {
            NoteMapper m = s.getMapper(NoteMapper.class);
            for (int i = 0; i < 10; i++) {
                m.insert(new Note("batch-" + i, "b"));
            }
            List<BatchResult> results = s.flushStatements();
            assertEquals(1, results.size());
            assertEquals(10, results.get(0).getUpdateCounts().length);
            s.commit();
        }
        assertEquals("10", scalar("SELECT count(*) FROM note WHERE title LIKE 'batch-%'"));

        try (SqlSession s = sessions.openSession()) {
            NoteMapper m = s.getMapper(NoteMapper.class);
            m.insert(new Note("rolled back", "x"));
            assertEquals(1, m.countTitled("rolled back"));
            s.rollback();
        }
        assertEquals("0", scalar("SELECT count(*) FROM note WHERE title = 'rolled back'"));
    }

    /** The mapper: SQL in annotations, parameters bound by the driver. */
    public interface NoteMapper {
        @Insert("INSERT INTO note (title, body) VALUES (#{title}, #{body})")
        @Options(useGeneratedKeys = true, keyProperty = "id")
        int insert(Note note);

        @Insert("INSERT INTO note (title, body) VALUES (#{title}, #{body,jdbcType=VARCHAR})")
        @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
        int insertByKeyColumn(Note note);

        @Select("SELECT id, title, body, stars, created_at FROM note WHERE id = #{id}")
        Note find(long id);

        @Select("SELECT count(*) FROM note WHERE title = #{title}")
        int countTitled(String title);

        @Update("UPDATE note SET stars = #{stars} WHERE id = #{id}")
        int star(@Param("id") long id, @Param("stars") int stars);

        @Delete("DELETE FROM note WHERE id = #{id}")
        int delete(long id);
    }

    /** A row of {@code note}. */
    public static class Note {
        public Long id;
        public String title;
        public String body;
        public int stars;
        public OffsetDateTime createdAt;

        public Note() {
        }

        Note(String title, String body) {
            this.title = title;
            this.body = body;
        }
    }
}
