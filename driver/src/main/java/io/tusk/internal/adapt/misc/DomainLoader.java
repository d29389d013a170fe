package io.tusk.internal.adapt.misc;

import io.tusk.adapt.AdaptContext;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.internal.adapt.Transformer;

/** A domain's values, loaded by its base type's loader as chosen from the adapters in force. */
public final class DomainLoader implements Loader<Object> {
    private final int baseOid;
    private final Format format;

    public DomainLoader(int baseOid, Format format) {
        this.baseOid = baseOid;
        this.format = format;
    }

    @Override
    public Object load(byte[] data, int offset, int length) {
        return in(AdaptContext.DEFAULT).load(data, offset, length);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Loader<Object> in(AdaptContext context) {
        return (Loader<Object>) new Transformer(context.adapters(), context).loaderFor(baseOid, format);
    }
}
