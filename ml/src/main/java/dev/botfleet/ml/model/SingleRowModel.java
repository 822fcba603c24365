package dev.botfleet.ml.model;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import io.github.metarank.lightgbm4j.LGBMBooster;

import java.io.IOException;

/**
 * A loaded LightGBM model on LightGBM's single-row fast path ({@code LGBM_BoosterPredictForMatSingleRowFast}):
 * the prediction configuration is prepared once, and each call hands the Java array to LightGBM without copying it
 * element by element. lightgbm4j's {@code predictForMatSingleRow} sets up a prediction and copies the row through one
 * JNI call per feature on every call (docs/benchmarks/backtester-and-ml.md "ML inference"). Predictions use one thread.
 *
 * <p>Only ever built from text that {@link ModelTextCheck} and lightgbm4j's loader accepted. Not thread-safe: the
 * output buffers are reused.
 */
final class SingleRowModel implements AutoCloseable {

    private final SWIGTYPE_p_p_void boosterOut;
    private final SWIGTYPE_p_void booster;
    private final SWIGTYPE_p_p_void fastConfigOut;
    private final SWIGTYPE_p_void fastConfig;
    private final SWIGTYPE_p_long_long outLength;
    private final SWIGTYPE_p_double outResult;
    private boolean closed;

    private SingleRowModel(SWIGTYPE_p_p_void boosterOut, SWIGTYPE_p_p_void fastConfigOut) {
        this.boosterOut = boosterOut;
        this.booster = lightgbmlib.voidpp_value(boosterOut);
        this.fastConfigOut = fastConfigOut;
        this.fastConfig = lightgbmlib.voidpp_value(fastConfigOut);
        this.outLength = lightgbmlib.new_int64_tp();
        this.outResult = lightgbmlib.new_doubleArray(1);
    }

    static SingleRowModel load(String modelText, int featureCount) {
        try {
            LGBMBooster.loadNative();
        } catch (IOException e) {
            throw new IllegalStateException("cannot load LightGBM's native library: " + e.getMessage(), e);
        }
        SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
        SWIGTYPE_p_p_void boosterOut = lightgbmlib.new_voidpp();
        try {
            check(lightgbmlib.LGBM_BoosterLoadModelFromString(modelText, iterations, boosterOut), "load");
        } finally {
            lightgbmlib.delete_intp(iterations);
        }
        SWIGTYPE_p_p_void fastConfigOut = lightgbmlib.new_voidpp();
        int rc = lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastInit(lightgbmlib.voidpp_value(boosterOut),
                lightgbmlibConstants.C_API_PREDICT_NORMAL, 0, -1, lightgbmlibConstants.C_API_DTYPE_FLOAT64,
                featureCount, "num_threads=1", fastConfigOut);
        if (rc != 0) {
            String error = lightgbmlib.LGBM_GetLastError();
            lightgbmlib.LGBM_BoosterFree(lightgbmlib.voidpp_value(boosterOut));
            lightgbmlib.delete_voidpp(boosterOut);
            lightgbmlib.delete_voidpp(fastConfigOut);
            throw new IllegalStateException("LightGBM could not prepare predictions: " + error);
        }
        return new SingleRowModel(boosterOut, fastConfigOut);
    }

    /** LightGBM's normal prediction for one row of exactly the model's feature count (the caller checks). */
    double predict(double[] row) {
        if (closed) throw new IllegalStateException("the model was closed");
        check(lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastCriticalSWIG(row, fastConfig, outLength, outResult),
                "predict");
        return lightgbmlib.doubleArray_getitem(outResult, 0);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        lightgbmlib.LGBM_FastConfigFree(fastConfig);
        lightgbmlib.LGBM_BoosterFree(booster);
        lightgbmlib.delete_voidpp(fastConfigOut);
        lightgbmlib.delete_voidpp(boosterOut);
        lightgbmlib.delete_int64_tp(outLength);
        lightgbmlib.delete_doubleArray(outResult);
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalStateException("LightGBM " + what + " failed: " + lightgbmlib.LGBM_GetLastError());
        }
    }
}
