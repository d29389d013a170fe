package io.tusk.jca.it.app;

import io.tusk.Connection;
import io.tusk.jca.TuskConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** Writes one row to each database through the two XA connection definitions, in the container's transaction. */
@Stateless
public class XaBean {
    @Resource(lookup = "java:/tusk/xaA")
    TuskConnectionFactory a;

    @Resource(lookup = "java:/tusk/xaB")
    TuskConnectionFactory b;

    @Resource
    SessionContext ctx;

    @Resource(lookup = "java:/TransactionManager")
    jakarta.transaction.TransactionManager tm;

    public void writeBoth(int id) {
        insert(a, id);
        insert(b, id);
    }

    public void writeBothThenFail(int id) {
        writeBoth(id);
        throw new IllegalStateException("failing after both writes");
    }

    public void writeBothRollbackOnly(int id) {
        writeBoth(id);
        ctx.setRollbackOnly();
    }

    /** Crash recovery: the server halts in the second phase, after both branches are prepared. */
    public void writeBothThenHalt(int id) throws Exception {
        tm.getTransaction().enlistResource(new HaltingXAResource());
        writeBoth(id);
    }

    /** What a handle says when asked to commit inside the container's transaction. */
    public String commitInside(int id) {
        try (Connection conn = a.getConnection()) {
            conn.execute("INSERT INTO t VALUES (%s, 'xa')", id);
            conn.commit();
            return "committed";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    static void insert(TuskConnectionFactory cf, int id) {
        try (Connection conn = cf.getConnection()) {
            conn.execute("INSERT INTO t VALUES (%s, 'written')", id);
        }
    }
}
