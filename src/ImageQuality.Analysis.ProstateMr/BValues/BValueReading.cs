namespace ImageQuality.Analysis.ProstateMr.BValues;

/// <summary>A b-value in s/mm² and the element it came from.</summary>
/// <param name="Value">Rounded to whole s/mm²; values under 1 (Philips writes 0.001 for b0) are 0.</param>
/// <param name="Source">Where it was read.</param>
public readonly record struct BValueReading(double Value, BValueSource Source);
