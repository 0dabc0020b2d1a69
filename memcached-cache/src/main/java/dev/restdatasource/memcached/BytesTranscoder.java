package dev.restdatasource.memcached;

import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.CompressionMode;
import net.rubyeye.xmemcached.transcoders.Transcoder;

/**
 * Stores a {@code byte[]} as the item's data, unchanged, with flags 0: no serialization header, no compression, no
 * size cap of its own (xmemcached's default transcoder compresses above 16 KB and refuses more than 1 MB). Reads any
 * item's data back as it is. Stateless and thread-safe; the setters of {@link Transcoder} are ignored.
 */
final class BytesTranscoder implements Transcoder<byte[]> {
    static final BytesTranscoder INSTANCE = new BytesTranscoder();

    private BytesTranscoder() {
    }

    @Override
    public CachedData encode(byte[] value) {
        return new CachedData(0, value, Integer.MAX_VALUE, -1);
    }

    @Override
    public byte[] decode(CachedData data) {
        byte[] bytes = data.getData();
        return bytes != null ? bytes : new byte[0];
    }

    @Override
    public void setPrimitiveAsString(boolean primitiveAsString) {
    }

    @Override
    public void setPackZeros(boolean packZeros) {
    }

    @Override
    public void setCompressionThreshold(int threshold) {
    }

    @Override
    public boolean isPrimitiveAsString() {
        return false;
    }

    @Override
    public boolean isPackZeros() {
        return false;
    }

    @Override
    public void setCompressionMode(CompressionMode mode) {
    }
}
