/**
 * ML signals (docs/ml.md): trades become 1-second candles ({@code candles}), a rolling window of them becomes a
 * named, versioned feature vector ({@code features}), triple-barrier outcomes become labels ({@code labels}),
 * LightGBM learns from both ({@code training}) and a validated model answers a confidence ({@code model}).
 * Training and inference share one feature code path, so a backtest and a live bot see bit-identical features for
 * the same trades. Depends on engine only.
 */
package dev.botfleet.ml;
