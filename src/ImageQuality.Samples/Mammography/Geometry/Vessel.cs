namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>A blood vessel's centre line (canonical mm) and its radius where it leaves the chest wall.</summary>
internal sealed record Vessel(IReadOnlyList<(double X, double Y)> Points, double Radius);
