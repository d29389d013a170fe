package io.tusk.jdbc.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.InputSource;

/**
 * {@link SQLXML} over the text of an {@code xml} value: readable once (JDBC 4.3 §16.5) when it
 * came from a result, writable once when made by {@code Connection.createSQLXML()}. Parsers are
 * made with external entities and DTDs off, so reading a value never reaches the network or files.
 */
public final class JdbcSqlXml implements SQLXML {
    private String text;
    private boolean freed;
    private boolean read;
    private Object writing;

    JdbcSqlXml(String text) {
        this.text = text;
    }

    /** An empty value to write into ({@code createSQLXML}). */
    public JdbcSqlXml() {
        this(null);
    }

    private void check() throws SQLException {
        if (freed) {
            throw new SQLException("This SQLXML has been freed", "55000");
        }
    }

    /** The XML text, after whatever was written to it; for binding as xml. */
    public String text() throws SQLException {
        check();
        if (writing != null) {
            text = written();
            writing = null;
        }
        return text;
    }

    private String written() throws SQLException {
        if (writing instanceof StringWriter w) {
            return w.toString();
        }
        if (writing instanceof ByteArrayOutputStream b) {
            return b.toString(StandardCharsets.UTF_8);
        }
        if (writing instanceof DOMResult d) {
            try {
                StringWriter w = new StringWriter();
                TransformerFactory.newInstance().newTransformer().transform(new DOMSource(d.getNode()), new StreamResult(w));
                return w.toString();
            } catch (javax.xml.transform.TransformerException e) {
                throw new SQLException("The XML written to this SQLXML could not be serialised: " + e.getMessage(), "2200M", e);
            }
        }
        return text;
    }

    private String readable() throws SQLException {
        check();
        String t = text();
        if (t == null) {
            throw new SQLException("This SQLXML holds no value: write it (setString, setResult...) before reading it", "55000");
        }
        read = true;
        return t;
    }

    @Override
    public String getString() throws SQLException {
        return readable();
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(readable());
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(readable().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Source> T getSource(Class<T> sourceClass) throws SQLException {
        String t = readable();
        try {
            if (sourceClass == null || sourceClass == StreamSource.class) {
                return (T) new StreamSource(new StringReader(t));
            }
            if (sourceClass == DOMSource.class) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setExpandEntityReferences(false);
                return (T) new DOMSource(f.newDocumentBuilder().parse(new InputSource(new StringReader(t))));
            }
            if (sourceClass == SAXSource.class) {
                return (T) new SAXSource(new InputSource(new StringReader(t)));
            }
            if (sourceClass == StAXSource.class) {
                XMLInputFactory f = XMLInputFactory.newInstance();
                f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                return (T) new StAXSource(f.createXMLStreamReader(new StringReader(t)));
            }
        } catch (Exception e) {
            throw new SQLException("The xml value could not be parsed for a " + sourceClass.getSimpleName() + ": " + e.getMessage(),
                    "2200M", e);
        }
        throw new SQLFeatureNotSupportedException("SQLXML.getSource(" + sourceClass.getName() + ") is not supported: use"
                + " StreamSource, DOMSource, SAXSource or StAXSource", "0A000");
    }

    private void startWriting() throws SQLException {
        check();
        if (writing != null || text != null) {
            throw new SQLException("This SQLXML already holds a value: JDBC lets an SQLXML be written once", "55000");
        }
    }

    @Override
    public void setString(String value) throws SQLException {
        startWriting();
        text = value;
    }

    @Override
    public Writer setCharacterStream() throws SQLException {
        startWriting();
        StringWriter w = new StringWriter();
        writing = w;
        return w;
    }

    @Override
    public OutputStream setBinaryStream() throws SQLException {
        startWriting();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writing = b;
        return b;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Result> T setResult(Class<T> resultClass) throws SQLException {
        startWriting();
        if (resultClass == null || resultClass == StreamResult.class) {
            StringWriter w = new StringWriter();
            writing = w;
            return (T) new StreamResult(w);
        }
        if (resultClass == DOMResult.class) {
            DOMResult d = new DOMResult();
            writing = d;
            return (T) d;
        }
        throw new SQLFeatureNotSupportedException("SQLXML.setResult(" + resultClass.getName() + ") is not supported: use"
                + " StreamResult or DOMResult", "0A000");
    }

    @Override
    public void free() {
        freed = true;
        text = null;
        writing = null;
    }

    @Override
    public String toString() {
        return freed ? "freed SQLXML" : String.valueOf(read || writing == null ? text : "(being written)");
    }
}
