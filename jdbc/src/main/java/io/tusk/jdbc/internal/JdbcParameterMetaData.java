package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Generated skeleton: every method not yet written refuses with SQLFeatureNotSupportedException. */
public class JdbcParameterMetaData implements java.sql.ParameterMetaData {

    @Override
    public java.lang.String getParameterClassName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.getParameterClassName is not supported yet");
    }

    @Override
    public int getParameterCount() throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.getParameterCount is not supported yet");
    }

    @Override
    public int getParameterMode(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.getParameterMode is not supported yet");
    }

    @Override
    public int getParameterType(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.getParameterType is not supported yet");
    }

    @Override
    public java.lang.String getParameterTypeName(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.getParameterTypeName is not supported yet");
    }

    @Override
    public int getPrecision(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.getPrecision is not supported yet");
    }

    @Override
    public int getScale(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.getScale is not supported yet");
    }

    @Override
    public int isNullable(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.isNullable is not supported yet");
    }

    @Override
    public boolean isSigned(int p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.isSigned is not supported yet");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.isWrapperFor is not supported yet");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws SQLException {
        throw new SQLFeatureNotSupportedException("ParameterMetaData.unwrap is not supported yet");
    }
}
