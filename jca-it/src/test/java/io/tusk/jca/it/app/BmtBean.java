package io.tusk.jca.it.app;

import io.tusk.jca.TuskConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.transaction.UserTransaction;

/** The same two writes in a bean-managed {@link UserTransaction}. */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class BmtBean {
    @Resource(lookup = "java:/tusk/xaA")
    TuskConnectionFactory a;

    @Resource(lookup = "java:/tusk/xaB")
    TuskConnectionFactory b;

    @Resource
    UserTransaction utx;

    public void writeBoth(int id, boolean commit) throws Exception {
        utx.begin();
        try {
            XaBean.insert(a, id);
            XaBean.insert(b, id);
        } catch (RuntimeException e) {
            utx.rollback();
            throw e;
        }
        if (commit) {
            utx.commit();
        } else {
            utx.rollback();
        }
    }
}
