using FsCheck;
using FsCheck.Fluent;

namespace ImageQuality.Dicom.Tests.Values;

/// <summary>Generators of valid values for the property tests.</summary>
internal static class ValueGenerators
{
    public static Gen<DateOnly> Dates { get; } =
        Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber);

    /// <summary>Times with full tick resolution, so that formatting must truncate.</summary>
    public static Gen<TimeOnly> Times { get; } =
        from seconds in Gen.Choose(0, (24 * 3600) - 1)
        from ticks in Gen.Choose(0, (int)TimeSpan.TicksPerSecond - 1)
        select new TimeOnly((seconds * TimeSpan.TicksPerSecond) + ticks);

    /// <summary>Whole-minute offsets in the DT range -12:00..+14:00.</summary>
    public static Gen<TimeSpan?> Offsets { get; } =
        Gen.OneOf(
            Gen.Constant<TimeSpan?>(null),
            Gen.Choose(-12 * 60, 14 * 60).Select(minutes => (TimeSpan?)TimeSpan.FromMinutes(minutes)));

    /// <summary>Any finite double, from the raw bit patterns so that subnormals and extremes appear.</summary>
    public static Gen<double> FiniteDoubles { get; } =
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<long>().Select(BitConverter.Int64BitsToDouble),
            ArbMap.Default.GeneratorFor<double>())
        .Where(double.IsFinite);

    /// <summary>Printable text with the PN delimiters and spaces over-represented.</summary>
    public static Gen<string> PersonNameText { get; } =
        Gen.ArrayOf(Gen.Elements('A', 'b', 'é', '山', ' ', '^', '^', '=', '=', '-', '.'))
            .Select(chars => new string(chars));
}
