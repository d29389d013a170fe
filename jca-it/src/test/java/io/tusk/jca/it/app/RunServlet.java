package io.tusk.jca.it.app;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /run?op=NAME&id=N}: runs one scenario; 200 with its result, or 500 with the exception's class. */
@WebServlet("/run")
public class RunServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    XaBean xa;

    @EJB
    BmtBean bmt;

    @EJB
    LocalBean local;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int id = Integer.parseInt(req.getParameter("id"));
        String result = "ok";
        try {
            switch (req.getParameter("op")) {
                case "xa-commit" -> xa.writeBoth(id);
                case "xa-fail" -> xa.writeBothThenFail(id);
                case "xa-rollback-only" -> xa.writeBothRollbackOnly(id);
                case "xa-halt" -> xa.writeBothThenHalt(id);
                case "xa-commit-inside" -> result = xa.commitInside(id);
                case "bmt-commit" -> bmt.writeBoth(id, true);
                case "bmt-rollback" -> bmt.writeBoth(id, false);
                case "local-commit" -> local.writeLocal(id);
                case "local-fail" -> local.writeLocalThenFail(id);
                case "local-commit-inside" -> result = local.commitLocalInside(id);
                case "none-commit-fail" -> local.writeNoneCommitThenFail(id);
                case "none-no-commit" -> local.writeNoneWithoutCommit(id);
                default -> throw new IllegalArgumentException("unknown op " + req.getParameter("op"));
            }
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            resp.setStatus(500);
            resp.getWriter().print(e.getClass().getSimpleName() + ": " + root);
            return;
        }
        resp.getWriter().print(result);
    }
}
