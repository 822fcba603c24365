package dev.botfleet.ml.training;

/**
 * A time-ordered train/validation split: the first rows train, the last {@code validationFraction} validate, never
 * shuffled across time. Between them an embargo drops the training rows whose label looks into the validation
 * period (a row's label reads up to {@code holdingSeconds} ahead), so validation scores are not flattered by leaks.
 */
public record TimeSplit(TrainingSet train, TrainingSet validation) {

    public static TimeSplit of(TrainingSet set, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be between 0 and 1, was " + validationFraction);
        }
        int cut = (int) Math.floor(set.rows() * (1 - validationFraction));
        int embargoRows = (set.holdingSeconds() + set.strideSeconds() - 1) / set.strideSeconds();
        int trainEnd = Math.max(0, cut - embargoRows);
        if (trainEnd == 0 || cut >= set.rows()) {
            throw new IllegalArgumentException("too few rows (" + set.rows() + ") for a train/validation split");
        }
        return new TimeSplit(set.slice(0, trainEnd), set.slice(cut, set.rows()));
    }
}
