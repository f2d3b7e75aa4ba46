package cn.zwgk.assistant.knowledge;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The bge vectors of a passage's {@link Sentences} units, stored with the chunk so that choosing the
 * answer sentence by meaning costs no model call at question time. Each vector is kept as 8-bit
 * integers with one scale (a quarter of the size of floats; cosine similarities move by about 0.001).
 */
final class SentenceVectors {

    private SentenceVectors() {
    }

    static byte[] encode(List<float[]> vectors) {
        int dims = vectors.isEmpty() ? 0 : vectors.get(0).length;
        ByteBuffer buf = ByteBuffer.allocate(8 + vectors.size() * (4 + dims));
        buf.putInt(vectors.size()).putInt(dims);
        for (float[] v : vectors) {
            float max = 1e-12f;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = max / 127f;
            buf.putFloat(scale);
            for (float x : v) {
                buf.put((byte) Math.round(x / scale));
            }
        }
        return buf.array();
    }

    /** The vectors, or an empty array when none were stored. */
    static float[][] decode(byte[] bytes) {
        if (bytes == null || bytes.length < 8) {
            return new float[0][];
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int n = buf.getInt();
        int dims = buf.getInt();
        float[][] out = new float[n][dims];
        for (int i = 0; i < n; i++) {
            float scale = buf.getFloat();
            for (int d = 0; d < dims; d++) {
                out[i][d] = buf.get() * scale;
            }
        }
        return out;
    }
}
