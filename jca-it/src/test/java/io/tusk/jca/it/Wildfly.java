package io.tusk.jca.it;

import io.tusk.jca.it.app.RunServlet;
import io.tusk.testkit.TestDatabase;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the WildFly tests share: the two deployments, the scenario call, the database checks. */
final class Wildfly {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Wildfly() {
    }

    /** The .rar the build made (jca-adapter), deployed as it is. */
    static ResourceAdapterArchive rar() {
        File file = new File(System.getProperty("tusk.rar", "target/deployments/" + TuskServerSetup.ARCHIVE));
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, file);
    }

    /** The test application: beans and a servlet; Tusk's classes come from the deployed .rar. */
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "tusk-app.war")
                .addPackage(RunServlet.class.getPackage())
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment." + TuskServerSetup.ARCHIVE + "\n"));
    }

    /** Runs a scenario of {@link RunServlet}; returns "STATUS body". */
    static String call(URL base, String op, int id) throws Exception {
        URI uri = base.toURI().resolve("run?op=" + op + "&id=" + id);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    static boolean has(TestDatabase db, int id) {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM t WHERE id = " + id)) == 1;
    }

    static int preparedCount(TestDatabase db) {
        return Integer.parseInt(db.admin().queryScalar("SELECT count(*) FROM pg_prepared_xacts"));
    }

    /** The pool statistics of a connection definition (statistics-enabled). */
    static ModelNode poolStats(String definition) throws Exception {
        try (org.jboss.as.controller.client.ModelControllerClient mcc =
                     org.jboss.as.controller.client.ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990)) {
            return poolStats(new ManagementClient(mcc, "127.0.0.1", 9990, "remote+http"), definition);
        }
    }

    static ModelNode poolStats(ManagementClient client, String definition) throws Exception {
        ModelNode op = org.jboss.as.controller.client.helpers.Operations.createReadResourceOperation(
                TuskServerSetup.address().add("connection-definitions", definition).add("statistics", "pool"));
        op.get("include-runtime").set(true);
        return TuskServerSetup.run(client, op);
    }
}
