package io.tusk.jca.it.app;

import io.tusk.Connection;
import io.tusk.jca.TuskConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The LocalTransaction definition (database A) and the NoTransaction one (database B): the
 * container commits or rolls back the first with its transaction; the second is the
 * application's own business.
 */
@Stateless
public class LocalBean {
    @Resource(lookup = "java:/tusk/local")
    TuskConnectionFactory local;

    @Resource(lookup = "java:/tusk/none")
    TuskConnectionFactory none;

    public void writeLocal(int id) {
        XaBean.insert(local, id);
    }

    public void writeLocalThenFail(int id) {
        XaBean.insert(local, id);
        throw new IllegalStateException("failing after the write");
    }

    public String commitLocalInside(int id) {
        try (Connection conn = local.getConnection()) {
            conn.execute("INSERT INTO t VALUES (%s, 'local')", id);
            conn.commit();
            return "committed";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** NoTransaction: the application commits itself; the container's rollback does not undo it. */
    public void writeNoneCommitThenFail(int id) {
        try (Connection conn = none.getConnection()) {
            conn.execute("INSERT INTO t VALUES (%s, 'none')", id);
            conn.commit();
        }
        throw new IllegalStateException("failing after the commit");
    }

    /** NoTransaction without the application's commit: closing the handle discards the work. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void writeNoneWithoutCommit(int id) {
        try (Connection conn = none.getConnection()) {
            conn.execute("INSERT INTO t VALUES (%s, 'none')", id);
        }
    }
}
