package io.tusk.jdbc;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.arjuna.recovery.RecoveryModule;
import com.arjuna.ats.internal.arjuna.recovery.AtomicActionRecoveryModule;
import com.arjuna.ats.internal.jta.recovery.arjunacore.JTANodeNameXAResourceOrphanFilter;
import com.arjuna.ats.internal.jta.recovery.arjunacore.JTATransactionLogXAResourceOrphanFilter;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.util.List;

/**
 * Narayana 7 set up once per test JVM as a Java SE program would: an object store under
 * target/, a node identifier, and a recovery manager whose scans the tests run themselves
 * (the periodic thread is never started, so no scan races a test).
 */
final class XaNarayana {
    static final String NODE = "tusk-jdbc-it";
    private static RecoveryManager recovery;

    private XaNarayana() {
    }

    static synchronized TransactionManager transactionManager() {
        if (recovery == null) {
            String dir = Path.of("target", "narayana-" + ProcessHandle.current().pid()).toAbsolutePath().toString();
            BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(dir);
            BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(dir);
            BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(dir);
            try {
                arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(NODE);
            } catch (com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException e) {
                throw new IllegalStateException(e);
            }
            JTAEnvironmentBean jta = jtaPropertyManager.getJTAEnvironmentBean();
            jta.setXaRecoveryNodes(List.of(NODE));
            jta.setOrphanSafetyInterval(1);
            jta.setXaResourceOrphanFilterClassNames(List.of(JTATransactionLogXAResourceOrphanFilter.class.getName(),
                    JTANodeNameXAResourceOrphanFilter.class.getName()));
            RecoveryEnvironmentBean rec = recoveryPropertyManager.getRecoveryEnvironmentBean();
            rec.setRecoveryModuleClassNames(List.of(AtomicActionRecoveryModule.class.getName(), XARecoveryModule.class.getName()));
            rec.setExpiryScannerClassNames(List.of());
            rec.setRecoveryActivatorClassNames(List.of());
            rec.setRecoveryBackoffPeriod(1);
            rec.setPeriodicRecoveryPeriod(3600);
            rec.setRecoveryListener(false);
            RecoveryManager.delayRecoveryManagerThread();
            recovery = RecoveryManager.manager(RecoveryManager.INDIRECT_MANAGEMENT);
        }
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    static synchronized RecoveryManager recovery() {
        transactionManager();
        return recovery;
    }

    static XARecoveryModule xaRecoveryModule() {
        for (RecoveryModule m : recovery().getModules()) {
            if (m instanceof XARecoveryModule x) {
                return x;
            }
        }
        throw new IllegalStateException("Narayana has no XARecoveryModule");
    }
}
