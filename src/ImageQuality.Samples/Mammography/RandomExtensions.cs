namespace ImageQuality.Samples.Mammography;

/// <summary>Draws the generator needs from a seeded <see cref="Random"/> (whose sequence is fixed for a seed).</summary>
internal static class RandomExtensions
{
    public static double Uniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    public static double Gaussian(this Random random, double mean = 0, double sigma = 1)
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return mean + (sigma * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static double Radians(double degrees) => degrees * Math.PI / 180;
}
